using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Team;

/// <summary>
/// A supervisor's view of their team's calls as they happen, with the live call ids that
/// <c>listenCall</c> takes. Answered by the Messaging Service, which alone knows the active calls;
/// the panel asks again every few seconds.
/// </summary>
public static class TeamCallEndpoints
{
    public const string ActiveCallsPath = "/api/team/calls/active";

    public static RouteHandlerBuilder MapTeamCallEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ActiveCallsPath, ActiveCalls)
            .RequireAuthorization()
            .WithName("GetTeamActiveCalls")
            .WithTags("Team")
            .WithSummary("The active calls of the signed-in supervisor's team (administrators: every line's)")
            .WithDescription("Calls in the client contract's form, oldest first, with the ids listenCall takes. Agents get 403.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static Results<Ok<IReadOnlyList<CallDto>>, ProblemHttpResult> ActiveCalls(
        ClaimsPrincipal principal,
        IUserDirectory users,
        CallTracker tracker,
        TimeProvider time)
    {
        var user = users.FindSignedIn(principal)?.User;
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signed-in user is not known; sign in again.");
        }

        if (!user.CanListen)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only supervisors and administrators watch a team's calls.");
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<CallDto>>(
            [.. tracker.ActiveCalls().Where(c => user.Watches(c.Line)).Select(c => ContractMapper.ToDto(c, now))]);
    }
}
