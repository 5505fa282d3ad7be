using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Teams;

/// <summary>Teams, and which team each user is in: administrators only, like the rest of user management.</summary>
internal static class TeamEndpoints
{
    public static void MapTeamEndpoints(this IEndpointRouteBuilder api)
    {
        var teams = api.MapGroup("/teams")
            .RequireAuthorization(policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .WithTags("Teams")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        teams.MapGet("", ListAsync)
            .WithName("ListTeams")
            .WithSummary("Every team with its members (administrators only)");
        teams.MapPost("", CreateAsync)
            .WithName("CreateTeam")
            .WithSummary("Creates a team (administrators only)")
            .WithDescription($"Body {{name}}, at most {TeamAdministration.MaxNameLength} characters. 409 when another team has the name.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapGet("/{id:guid}", GetAsync)
            .WithName("GetTeam")
            .WithSummary("One team with its members (administrators only)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapPut("/{id:guid}", RenameAsync)
            .WithName("RenameTeam")
            .WithSummary("Renames a team (administrators only)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeleteTeam")
            .WithSummary("Removes a team; its members stay, in no team (administrators only)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/users/{id:guid}/team", SetUserTeamAsync)
            .RequireAuthorization(policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .WithTags("Users")
            .WithName("SetUserTeam")
            .WithSummary("Puts a user in a team, or in none (administrators only)")
            .WithDescription("Body {teamId}: a team's id, or null for none. The team's supervisors read the calls its members handle.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<TeamView>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, UserDirectory users, TeamAdministration teams, CancellationToken cancellationToken) =>
        await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused
            ? refused
            : TypedResults.Ok(await teams.ListAsync(cancellationToken));

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, UserDirectory users, TeamAdministration teams, CancellationToken cancellationToken)
    {
        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await teams.FindAsync(id, cancellationToken) is { } team ? TypedResults.Ok(team) : CrmProblems.NotFound("team");
    }

    private static async Task<Results<CreatedAtRoute<TeamView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TeamRequest? request, ClaimsPrincipal principal, UserDirectory users, TeamAdministration teams, CancellationToken cancellationToken)
    {
        if (CheckName(request?.Name) is not { } name)
        {
            return NameProblem();
        }

        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (outcome, team) = await teams.CreateAsync(name, cancellationToken);
        return team is not null ? TypedResults.CreatedAtRoute(team, "GetTeam", new { id = team.Id }) : Refusal(outcome);
    }

    private static async Task<Results<Ok<TeamView>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        Guid id, TeamRequest? request, ClaimsPrincipal principal, UserDirectory users, TeamAdministration teams, CancellationToken cancellationToken)
    {
        if (CheckName(request?.Name) is not { } name)
        {
            return NameProblem();
        }

        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (outcome, team) = await teams.RenameAsync(id, name, cancellationToken);
        return team is not null ? TypedResults.Ok(team) : Refusal(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, UserDirectory users, TeamAdministration teams, CancellationToken cancellationToken)
    {
        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await teams.DeleteAsync(id, cancellationToken);
        return outcome == TeamOutcome.Done ? TypedResults.NoContent() : Refusal(outcome);
    }

    private static async Task<Results<Ok<CrmUser>, ValidationProblem, ProblemHttpResult>> SetUserTeamAsync(
        Guid id, UserTeamRequest? request, ClaimsPrincipal principal, UserDirectory users, TeamAdministration teams, CancellationToken cancellationToken)
    {
        Guid? teamId = null;
        if (!string.IsNullOrWhiteSpace(request?.TeamId))
        {
            if (!Guid.TryParse(request.TeamId, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["teamId"] = ["Expected a team's id, or null for none."] });
            }

            teamId = parsed;
        }

        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (outcome, user) = await teams.SetUserTeamAsync(id, teamId, cancellationToken);
        return outcome switch
        {
            TeamOutcome.Done when user is not null => TypedResults.Ok(user),
            TeamOutcome.NoSuchTeam => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["teamId"] = ["No team has this id."] }),
            _ => CrmProblems.NotFound("user"),
        };
    }

    private static string? CheckName(string? text)
    {
        var name = text?.Trim();
        return string.IsNullOrEmpty(name) || name.Length > TeamAdministration.MaxNameLength || name.Any(char.IsControl) ? null : name;
    }

    private static ValidationProblem NameProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["name"] = [$"A team's name is one line of 1 to {TeamAdministration.MaxNameLength} characters."],
        });

    private static ProblemHttpResult Refusal(TeamOutcome outcome) => outcome switch
    {
        TeamOutcome.NameTaken => CrmProblems.Conflict("Another team has this name."),
        _ => CrmProblems.NotFound("team"),
    };
}

/// <summary>The body of <c>POST /api/teams</c> and <c>PUT /api/teams/{id}</c>.</summary>
public sealed record TeamRequest(string? Name);

/// <summary>The body of <c>PUT /api/users/{id}/team</c>: the id as a string, so that a malformed one is named in the answer.</summary>
public sealed record UserTeamRequest(string? TeamId);
