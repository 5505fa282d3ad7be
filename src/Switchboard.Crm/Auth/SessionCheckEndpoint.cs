using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Auth;

public sealed record SessionCheckRequest(IReadOnlyList<SessionCheckItem?>? Sessions);

public sealed record SessionCheckItem(Guid UserId, Guid SessionId, string? Stamp);

public sealed record SessionCheckAnswer(IReadOnlyList<GoodSession> Sessions);

public sealed record GoodSession(Guid SessionId, CrmUser User);

/// <summary>
/// <c>POST /api/auth/sessions/check</c>: the judge's answer for many sessions at once, for a
/// Messaging Service in its own process, which keeps hub connections open on those sessions'
/// behalf and must close them when they end. Administrators only (its service account).
/// </summary>
internal static class SessionCheckEndpoint
{
    public const int MaxSessions = 1000;

    public static void MapSessionCheckEndpoint(this IEndpointRouteBuilder auth) =>
        auth.MapPost("/sessions/check", CheckAsync)
            .RequireAuthorization(policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .WithName("CheckSessions")
            .WithSummary("Which of these sessions are still good, with each one's user as stored now (administrators only)")
            .WithDescription($"Body {{sessions: [{{userId, sessionId, stamp}}]}}, at most {MaxSessions}; the userId, sid and stamp claims " +
                "of tokens the CRM accepted. Answers {sessions: [{sessionId, user}]} for the good ones only: a session missing " +
                "from the answer was logged out or expired, or its user was removed, disabled or changed.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<SessionCheckAnswer>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        SessionCheckRequest? request, ClaimsPrincipal principal, UserDirectory users, SessionJudge judge, CancellationToken cancellationToken)
    {
        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (request?.Sessions is not { } items || items.Count > MaxSessions || items.Any(i => i is null || string.IsNullOrEmpty(i.Stamp)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sessions"] = [$"A list of at most {MaxSessions} sessions, each {{userId, sessionId, stamp}}."],
            });
        }

        var good = await judge.JudgeAsync([.. items.Select(i => new SessionKey(i!.UserId, i.SessionId, i.Stamp!))], cancellationToken);
        return TypedResults.Ok(new SessionCheckAnswer([.. good.Select(g => new GoodSession(g.Key, g.Value))]));
    }
}
