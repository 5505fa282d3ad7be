using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Crm.Users;

/// <summary>
/// Users, roles, lines and passwords, managed by administrators only: the role claim is checked by
/// the policy, then the user as stored now (a demoted administrator's token is refused at once).
/// </summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users")
            .RequireAuthorization(policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .WithTags("Users")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("", ListAsync)
            .WithName("ListUsers")
            .WithSummary("Every user, with their role and lines (administrators only)");
        users.MapPost("", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Creates a user (administrators only)")
            .WithDescription("Body {login, displayName, role (agent, supervisor, administrator), password, lines?}. " +
                "409 when the login is taken or a line belongs to another user.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapGet("/{id:guid}", GetAsync)
            .WithName("GetUser")
            .WithSummary("One user (administrators only)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateUser")
            .WithSummary("Changes a user's login, display name and role (administrators only)")
            .WithDescription("Body {login, displayName, role}. A changed login or role ends the user's sign-ins. " +
                "409 when the login is taken, or for the last administrator's role.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeleteUser")
            .WithSummary("Removes a user and frees their lines; their calls stay in the log (administrators only)")
            .WithDescription("409 for the last administrator.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{id:guid}/lines", SetLinesAsync)
            .WithName("SetUserLines")
            .WithSummary("Sets the lines a user owns (administrators only)")
            .WithDescription("Body {lines: [\"101\", ...]}, the whole set. A line belongs to at most one user: 409 naming the lines another user owns.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{id:guid}/password", SetPasswordAsync)
            .WithName("SetUserPassword")
            .WithSummary("Sets a user's password (administrators only)")
            .WithDescription($"Body {{password}}, {UserInput.MinPasswordLength} to {UserInput.MaxPasswordLength} characters. Ends the user's sign-ins.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<CrmUser>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, UserDirectory users, CancellationToken cancellationToken) =>
        await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused
            ? refused
            : TypedResults.Ok(await users.ListUsersAsync(cancellationToken));

    private static async Task<Results<Ok<CrmUser>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, UserDirectory users, CancellationToken cancellationToken)
    {
        if (await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await users.FindUserAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : CrmProblems.NotFound("user");
    }

    private static async Task<Results<CreatedAtRoute<CrmUser>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest? request, ClaimsPrincipal principal, UserDirectory users, UserAdministration administration, CancellationToken cancellationToken)
    {
        var (input, errors) = UserInput.Check(request);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var change = await administration.CreateAsync(input, cancellationToken);
        return change.User is { } user
            ? TypedResults.CreatedAtRoute(user, "GetUser", new { id = user.Id })
            : Refusal(change);
    }

    private static async Task<Results<Ok<CrmUser>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateUserRequest? request, ClaimsPrincipal principal, UserDirectory users, UserAdministration administration, CancellationToken cancellationToken)
    {
        var (input, errors) = UserInput.Check(request);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var change = await administration.UpdateAsync(id, input, cancellationToken);
        return change.User is { } user ? TypedResults.Ok(user) : Refusal(change);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, UserDirectory users, UserAdministration administration, CancellationToken cancellationToken)
    {
        if (await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var change = await administration.DeleteAsync(id, cancellationToken);
        return change.Outcome == UserChangeOutcome.Done ? TypedResults.NoContent() : Refusal(change);
    }

    private static async Task<Results<Ok<CrmUser>, ValidationProblem, ProblemHttpResult>> SetLinesAsync(
        Guid id, SetLinesRequest? request, ClaimsPrincipal principal, UserDirectory users, UserAdministration administration, CancellationToken cancellationToken)
    {
        var (lines, errors) = UserInput.Check(request);
        if (lines is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var change = await administration.SetLinesAsync(id, lines, cancellationToken);
        return change.User is { } user ? TypedResults.Ok(user) : Refusal(change);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPasswordAsync(
        Guid id, SetPasswordRequest? request, ClaimsPrincipal principal, UserDirectory users, UserAdministration administration, CancellationToken cancellationToken)
    {
        var (password, errors) = UserInput.Check(request);
        if (password is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var change = await administration.SetPasswordAsync(id, password, cancellationToken);
        return change.Outcome == UserChangeOutcome.Done ? TypedResults.NoContent() : Refusal(change);
    }

    /// <summary>Null when the signed-in user is, as stored now, an administrator; else the refusal to answer with.</summary>
    internal static async Task<ProblemHttpResult?> CheckAdministratorAsync(ClaimsPrincipal principal, UserDirectory users, CancellationToken cancellationToken) =>
        await users.FindAsync(principal, cancellationToken) switch
        {
            null => CrmProblems.UnknownUser(),
            { Role: UserRole.Administrator } => null,
            _ => CrmProblems.Forbidden("Only administrators manage users."),
        };

    private static ProblemHttpResult Refusal(UserChange change) => change.Outcome switch
    {
        UserChangeOutcome.NotFound => CrmProblems.NotFound("user"),
        UserChangeOutcome.LoginTaken => CrmProblems.Conflict("Another user has this login."),
        UserChangeOutcome.LinesTaken => CrmProblems.Conflict(
            "A line belongs to another user.",
            new Dictionary<string, object?> { ["lines"] = change.TakenLines ?? [] }),
        UserChangeOutcome.LastAdministrator => CrmProblems.Conflict("The last administrator must stay one."),
        _ => CrmProblems.NotFound("user"), // done, but the user was removed meanwhile
    };
}
