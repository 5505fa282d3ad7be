using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Crm.Users;

/// <summary>Who works here and on which lines: what any signed-in user needs to pick a colleague to transfer to.</summary>
internal static class ColleagueEndpoints
{
    public static void MapColleagueEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/colleagues", ListAsync)
            .RequireAuthorization()
            .WithName("ListColleagues")
            .WithTags("Users")
            .WithSummary("Every user who owns a line, with their lines and team")
            .WithDescription("Names, lines and teams only; logins and roles stay with administrators (/api/users).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Ok<IReadOnlyList<Colleague>>> ListAsync(UserDirectory users, CancellationToken cancellationToken)
    {
        var everyone = await users.ListUsersAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Colleague>>(
            [.. everyone.Where(u => u.Lines.Count > 0).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => new Colleague(u.Id, u.DisplayName, u.Lines, u.TeamName))]);
    }
}

/// <summary>A colleague as every user may see them.</summary>
public sealed record Colleague(Guid Id, string DisplayName, IReadOnlyList<string> Lines, string? TeamName);
