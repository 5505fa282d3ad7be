using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Contacts;

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/contacts/lookup", LookupAsync)
            .RequireAuthorization()
            .WithName("LookupContacts")
            .WithTags("Contacts")
            .WithSummary("The ranked candidates for a number, in any format")
            .WithDescription("An internal line gives the user who owns it (matchedBy: extension); any other number gives the " +
                "contacts and accounts whose numbers match, best first: e164 (exactly), nationalNumber (the same number under " +
                "another country code), trailingDigits (the last Crm:TrailingDigits digits). Empty for no match, never an error.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Ok<IReadOnlyList<ContactCandidate>>> LookupAsync(
        string? number, CallerLookup lookup, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.LookupAsync(number, cancellationToken));
}
