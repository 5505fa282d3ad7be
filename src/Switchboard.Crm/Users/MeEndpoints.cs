using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Calls;

namespace Switchboard.Crm.Users;

internal static class MeEndpoints
{
    public const int DefaultRecentCalls = 20;
    public const int MaxRecentCalls = 100;

    public static void MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization().WithTags("Users").ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("", GetMeAsync)
            .WithName("GetMe")
            .WithSummary("The signed-in user, with their role, lines and phone style")
            .WithDescription("phoneStyle is thirdParty (the panel drives the user's phone through the PBX link) or webPhone " +
                "(the browser is the phone: it registers the account from GET /api/me/sip-account).");
        me.MapGet("/calls/recent", GetRecentCallsAsync)
            .WithName("GetMyRecentCalls")
            .WithSummary("The signed-in user's recent calls, for the panel's history and call-back")
            .WithDescription($"The calls of the user's own lines only, whatever their role, newest first; " +
                $"limit 1-{MaxRecentCalls}, default {DefaultRecentCalls}. callBackNumber is the other party's number as the PBX gave it.");
    }

    private static async Task<Results<Ok<CrmUser>, ProblemHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, UserDirectory users, CancellationToken cancellationToken) =>
        await users.FindAsync(principal, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : CrmProblems.UnknownUser();

    private static async Task<Results<Ok<IReadOnlyList<RecentCall>>, ValidationProblem, ProblemHttpResult>> GetRecentCallsAsync(
        string? limit, ClaimsPrincipal principal, UserDirectory users, CallQueries calls, CancellationToken cancellationToken)
    {
        var count = DefaultRecentCalls;
        if (!string.IsNullOrWhiteSpace(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MaxRecentCalls))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"Expected a whole number from 1 to {MaxRecentCalls}."],
            });
        }

        var user = await users.FindAsync(principal, cancellationToken);
        return user is null
            ? CrmProblems.UnknownUser()
            : TypedResults.Ok(await calls.RecentAsync(user, count, cancellationToken));
    }
}
