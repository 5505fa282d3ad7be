using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Recording;

/// <summary>
/// Start and stop recording an active call from the panel. HTTP rather than a hub command: the contract's command
/// names are fixed. The Messaging Service answers, as it alone knows the active calls; the PBX's own events then
/// tell every panel of the line (<c>callInfoChanged</c> with <c>recording</c>).
/// </summary>
public static class CallRecordingEndpoints
{
    public const string Path = "/api/calls/active/{callId:guid}/recording";

    public static void MapCallRecordingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization()
            .WithTags("Calls")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/start", (Guid callId, ClaimsPrincipal principal, IUserDirectory users, CallTracker tracker, IPbxConnector connector, IOptions<MessagingOptions> options, CancellationToken ct) =>
                SetAsync(callId, true, principal, users, tracker, connector, options.Value, ct))
            .WithName("StartCallRecording")
            .WithSummary("Starts recording one of the signed-in user's active calls")
            .WithDescription("204 once the PBX took the request. Only the owner of the call's line, on a connected or held call, " +
                "where the PBX can record and Telephony:RecordFromPanel allows it (capabilities.callRecording in initialized); " +
                "otherwise 403 or 409 with the reason, 404 for a call that is not active.");
        group.MapPost("/stop", (Guid callId, ClaimsPrincipal principal, IUserDirectory users, CallTracker tracker, IPbxConnector connector, IOptions<MessagingOptions> options, CancellationToken ct) =>
                SetAsync(callId, false, principal, users, tracker, connector, options.Value, ct))
            .WithName("StopCallRecording")
            .WithSummary("Stops recording one of the signed-in user's active calls")
            .WithDescription("As start; the recording stays linked to the call.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAsync(
        Guid callId,
        bool start,
        ClaimsPrincipal principal,
        IUserDirectory users,
        CallTracker tracker,
        IPbxConnector connector,
        MessagingOptions options,
        CancellationToken cancellationToken)
    {
        if (users.FindSignedIn(principal)?.User is not { } user)
        {
            return Problem(StatusCodes.Status401Unauthorized, "The signed-in user is not known; sign in again.");
        }

        // Another user's call is refused as the hub refuses it: the call id came from the user's own panel or not at all.
        if (tracker.FindCall(callId) is not { } found)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no active call {callId}.");
        }

        if (!user.Owns(found.Line))
        {
            return Problem(StatusCodes.Status403Forbidden, "You can only record calls on your own lines.");
        }

        var check = tracker.CheckRecording(callId, start);
        if (!check.IsAllowed)
        {
            return check.ErrorCode == "operation_not_supported"
                ? Problem(StatusCodes.Status403Forbidden, check.Error!)
                : Problem(StatusCodes.Status409Conflict, check.Error!);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CommandTimeout);
        try
        {
            await connector.SetRecordingAsync(check.Call!.Key, start, timeout.Token);
        }
        catch (PbxCommandException refused)
        {
            return Problem(StatusCodes.Status409Conflict, refused.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problem(StatusCodes.Status504GatewayTimeout, "The PBX did not answer in time.");
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(statusCode: status, title: title);
}
