using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Contacts;

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/contacts/lookup", LookupAsync).RequireAuthorization().WithName("LookupContacts").WithTags("Contacts");

    private static async Task<Ok<IReadOnlyList<ContactCandidate>>> LookupAsync(
        string? number, CallerLookup lookup, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.LookupAsync(number, cancellationToken));
}
