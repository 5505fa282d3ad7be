using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.SipAccounts;

/// <summary>
/// Web-phone accounts: administrators set and remove them (and read them back without the
/// password); the signed-in user reads their own, password included, to register the web phone.
/// </summary>
internal static class SipAccountEndpoints
{
    public static void MapSipAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/users/{id:guid}/sip-account")
            .RequireAuthorization(policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .WithTags("Users")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("", SetAsync)
            .WithName("SetUserSipAccount")
            .WithSummary("Sets a user's web-phone account (administrators only)")
            .WithDescription("Body {address (sip:...), authUser, password, webSocketUrl (ws:// or wss://), displayName?, " +
                "dtmfTransport? (rfc4733, the default, or info), iceServers? ([{urls: [stun:|turn:...], username?, credential?}])}. " +
                "The password and the TURN credentials are stored encrypted and are never returned to administrators.")
            .ProducesValidationProblem();
        admin.MapGet("", GetAsync)
            .WithName("GetUserSipAccount")
            .WithSummary("A user's web-phone account, without its password or TURN credentials (administrators only)");
        admin.MapDelete("", RemoveAsync)
            .WithName("RemoveUserSipAccount")
            .WithSummary("Removes a user's web-phone account (administrators only)")
            .WithDescription("The user's phone style goes back to thirdParty: the web phone has nothing left to register.");

        api.MapGet("/me/sip-account", GetOwnAsync)
            .RequireAuthorization()
            .WithTags("Users")
            .WithName("GetMySipAccount")
            .WithSummary("The signed-in user's web-phone account, password and TURN credentials included; 404 when they have none")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid id, SipAccountRequest? request, ClaimsPrincipal principal, UserDirectory users, SipAccountStore accounts, CancellationToken cancellationToken)
    {
        var (input, errors) = SipAccountInput.Check(request);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await accounts.SetAsync(id, input, cancellationToken) ? TypedResults.NoContent() : CrmProblems.NotFound("user");
    }

    private static async Task<Results<Ok<SipAccountSummary>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, UserDirectory users, SipAccountStore accounts, CancellationToken cancellationToken)
    {
        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await accounts.FindAsync(id, cancellationToken) is { } account ? TypedResults.Ok(account) : CrmProblems.NotFound("web-phone account");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, ClaimsPrincipal principal, UserDirectory users, SipAccountStore accounts, CancellationToken cancellationToken)
    {
        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await accounts.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : CrmProblems.NotFound("web-phone account");
    }

    private static async Task<Results<Ok<OwnSipAccount>, ProblemHttpResult>> GetOwnAsync(
        ClaimsPrincipal principal, UserDirectory users, SipAccountStore accounts, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(principal, cancellationToken) is not { } user)
        {
            return CrmProblems.UnknownUser();
        }

        return await accounts.FindForOwnerAsync(user.Id, cancellationToken) is { } account
            ? TypedResults.Ok(account)
            : CrmProblems.NotFound("web-phone account");
    }
}
