using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Contracts;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// <c>GET /api/calls/open</c>: the calls the log still has as in progress, for the Messaging
/// Service's account, which closes after a restart those the PBX no longer has.
/// </summary>
internal static class OpenCallEndpoint
{
    public static void MapOpenCallEndpoint(this RouteGroupBuilder calls) =>
        calls.MapGet("/open", ListAsync)
            .WithName("ListOpenCalls")
            .WithSummary("The calls the log has as not finished on the PBX's lines, oldest first")
            .WithDescription($"Administrators only (the Messaging Service's account). Each item: pbxCallId, line, updatedAt " +
                $"(when the log last heard of the call) and the call as its last save left it, in the save's shape. At most {OpenCalls.MaxRows}. " +
                "Lines of web-phone users are left out: their browsers save their calls, not the PBX link.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<IReadOnlyList<OpenCall>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal,
        UserDirectory users,
        OpenCalls open,
        CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null)
        {
            return CrmProblems.UnknownUser();
        }

        if (user.Role != Users.UserRole.Administrator)
        {
            return CrmProblems.Forbidden("Only administrators list the open calls of every line.");
        }

        return TypedResults.Ok(await open.ListAsync(cancellationToken));
    }
}
