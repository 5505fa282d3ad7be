using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Crm.Users;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", GetMeAsync).RequireAuthorization().WithName("GetMe").WithTags("Users");

    private static async Task<Results<Ok<CrmUser>, ProblemHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, UserDirectory users, CancellationToken cancellationToken) =>
        await users.FindAsync(principal, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : CrmProblems.UnknownUser();
}
