using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Conferences;

/// <summary>
/// "Conference the consultation": the held call, the consultation made from it and the line become one
/// conference. An HTTP endpoint of the Messaging Service rather than a hub method, because design.md fixes the
/// hub's command names; it is checked as a hub command is (the caller owns the line, the call's
/// <c>conference</c> flag is set now) and the result reaches the panel as the usual call events.
/// </summary>
public static class ConferenceEndpoints
{
    public const string Pattern = "/api/line-calls/{callId:guid}/conference";

    public static RouteHandlerBuilder MapConferenceEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Pattern, Merge)
            .RequireAuthorization()
            .WithName("ConferenceConsultation")
            .WithTags("Calls")
            .WithSummary("Merge a consultation and the held call it was made from into one conference")
            .WithDescription(
                "callId is the live id (from the hub's events) of either call. 204 once the PBX took it; the members then "
                + "appear in each member's call (conference). 404 for a call that is not the user's, 409 when the call's "
                + "conference flag is not set now or the PBX refuses, with the reason.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<NoContent, ProblemHttpResult>> Merge(
        Guid callId,
        ClaimsPrincipal principal,
        IUserDirectory users,
        CallTracker tracker,
        IPbxConnector connector,
        IOptions<MessagingOptions> options,
        CancellationToken cancellationToken)
    {
        var user = users.FindSignedIn(principal)?.User;
        if (user is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "The signed-in user is not known; sign in again.");
        }

        // Another user's call is answered as if it did not exist: its id says nothing to them.
        if (tracker.FindCall(callId) is not { } named || !user.Owns(named.Line))
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no active call {callId} on your lines.");
        }

        var check = tracker.CheckCall(callId, CallOperations.Conference);
        if (!check.IsAllowed)
        {
            return Problem(StatusCodes.Status409Conflict, check.Error!);
        }

        if (tracker.FindConsultationPair(callId) is not { } pair)
        {
            return Problem(StatusCodes.Status409Conflict, "The call has no consultation in progress to merge.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CommandTimeout);
        try
        {
            await connector.ConferenceAsync(pair.Held.Key, pair.Consultation.Key, timeout.Token);
        }
        catch (PbxCommandException refused)
        {
            return Problem(StatusCodes.Status409Conflict, refused.Message);
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(statusCode: status, title: title);
}
