using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Crm.Users;

/// <summary><c>GET /api/lines/web-phone</c>: the lines whose calls the browser saves, for the Messaging Service's account.</summary>
internal static class WebPhoneLinesEndpoint
{
    public static void MapWebPhoneLinesEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/lines/web-phone", ListAsync)
            .RequireAuthorization()
            .WithTags("Users")
            .WithName("ListWebPhoneLines")
            .WithSummary("The lines of web-phone users (administrators only: the Messaging Service's account)")
            .WithDescription("A sorted array of line numbers. The browser of a user whose phone style is webPhone saves that user's " +
                "calls; the Messaging Service, which may see the same lines through the PBX link, leaves their calls alone.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, UserDirectory users, WebPhoneLines lines, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null)
        {
            return CrmProblems.UnknownUser();
        }

        if (user.Role != UserRole.Administrator)
        {
            return CrmProblems.Forbidden("Only administrators list the lines of web-phone users.");
        }

        return TypedResults.Ok(await lines.ListAsync(cancellationToken));
    }
}
