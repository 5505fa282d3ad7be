using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Contracts;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The one save of the call log, by the call's idempotency key: the Messaging Service in its own
/// role and the web phone send each state of a call here, as often as they need to.
/// </summary>
internal static class CallSaveEndpoint
{
    public static void MapCallSaveEndpoint(this RouteGroupBuilder calls) =>
        calls.MapPut("/pbx/{pbxCallId}/{line}", SaveAsync)
            .WithName("SaveCall")
            .WithSummary("Creates or updates one call by its PBX call id and line")
            .WithDescription("Idempotent: the same call sent again, or a later state of it, updates its one row; " +
                "a state of an active call sent after the row was finished changes nothing. The whole call each time; " +
                "durations in whole seconds; moments stored in UTC. A link a user made by hand is kept. " +
                "A user saves only calls of the lines they own; an administrator (the Messaging Service's account) any line's. " +
                "A contactId or accountId that names no contact or account is 400, as for the link endpoint.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<CallSaveResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string pbxCallId,
        string line,
        CallSaveRequest? save,
        HttpContext context,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallEditor editor,
        CallLog log,
        CancellationToken cancellationToken)
    {
        if (pbxCallId.Contains('%', StringComparison.Ordinal) && RawPathSegments.LastOf(context, 2) is [var sentId, var sentLine])
        {
            (pbxCallId, line) = (sentId, sentLine);
        }

        var errors = CallSaveRules.Validate(pbxCallId, line, save);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null)
        {
            return CrmProblems.UnknownUser();
        }

        if (user.Role != Users.UserRole.Administrator && !user.OwnsLine(line))
        {
            return CrmProblems.Forbidden($"Line {line} is not yours: you save only the calls of your own lines.");
        }

        if (await UnknownLinkTargetsAsync(save!, editor, cancellationToken) is { Count: > 0 } unknown)
        {
            return TypedResults.ValidationProblem(unknown);
        }

        try
        {
            return TypedResults.Ok(new CallSaveResponse(await log.SaveAsync(pbxCallId, line, save!, cancellationToken)));
        }
        catch (CallSaveRejectedException rejected)
        {
            return TypedResults.ValidationProblem(rejected.Errors.ToDictionary());
        }
    }

    // A save from outside names the contact and account it was matched to; ids that name nothing
    // would show the panel an empty contact. The in-process saver's ids come from the CRM's own
    // lookup, and contacts are never removed, so only this door checks.
    private static async Task<Dictionary<string, string[]>> UnknownLinkTargetsAsync(
        CallSaveRequest save, CallEditor editor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (save.ContactId is null && save.AccountId is null)
        {
            return errors;
        }

        var (_, contactMissing, accountMissing) = await editor.FindLinkTargetAsync(save.ContactId, save.AccountId, cancellationToken);
        if (contactMissing)
        {
            errors["contactId"] = ["No contact has this id."];
        }

        if (accountMissing)
        {
            errors["accountId"] = ["No account has this id."];
        }

        return errors;
    }
}
