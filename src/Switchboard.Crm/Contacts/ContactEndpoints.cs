using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Contacts;

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/contacts", SearchAsync)
            .RequireAuthorization()
            .WithName("SearchContacts")
            .WithTags("Contacts")
            .WithSummary("Contacts and accounts to call, by a number in any format or a part of a name")
            .WithDescription($"search: {ContactDirectory.MinSearchLength} to {ContactDirectory.MaxSearchLength} characters; a number is " +
                $"matched as the caller lookup matches it, anything else against names, ignoring case. limit 1-{ContactDirectory.MaxResults}, " +
                "default 20. Contacts first (with their account), then accounts, each with every number they have.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/contacts/lookup", LookupAsync)
            .RequireAuthorization()
            .WithName("LookupContacts")
            .WithTags("Contacts")
            .WithSummary("The ranked candidates for a number, in any format")
            .WithDescription("An internal line gives the user who owns it (matchedBy: extension); any other number gives the " +
                "contacts and accounts whose numbers match, best first: e164 (exactly), nationalNumber (the same number under " +
                "another country code), trailingDigits (the last Crm:TrailingDigits digits). Empty for no match, never an error.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactCard>>, ValidationProblem>> SearchAsync(
        string? search, string? limit, ContactDirectory contacts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = search?.Trim() ?? "";
        if (text.Length is < ContactDirectory.MinSearchLength or > ContactDirectory.MaxSearchLength || text.Any(char.IsControl))
        {
            errors["search"] = [$"From {ContactDirectory.MinSearchLength} to {ContactDirectory.MaxSearchLength} characters of a name or a number."];
        }

        var count = 20;
        if (!string.IsNullOrWhiteSpace(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= ContactDirectory.MaxResults))
        {
            errors["limit"] = [$"Expected a whole number from 1 to {ContactDirectory.MaxResults}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await contacts.SearchAsync(text, count, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<ContactCandidate>>> LookupAsync(
        string? number, CallerLookup lookup, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookup.LookupAsync(number, cancellationToken));
}
