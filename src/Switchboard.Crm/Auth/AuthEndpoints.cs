using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Auth;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Signs in with a login and password")
            .WithDescription("Returns {token, expiresAt}; a wrong login or password is 401. With ?useCookie=true it also sets the " +
                $"web panel's sign-in cookie ({AuthCookie.Name}: HttpOnly, SameSite=Strict). Failed logins are limited (Auth:MaxFailedLogins " +
                "within Auth:LockoutWindow): past that, 429 with Retry-After for the address that failed them, and for a login that many " +
                "guessed at, for the addresses that failed for it; its owner elsewhere still signs in.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshAsync)
            .RequireAuthorization()
            .WithName("RefreshToken")
            .WithSummary("Exchanges a valid, unexpired token (or sign-in cookie) for a new one")
            .WithDescription("401 when the token has expired, or its user was removed or had their login, role or password changed since. " +
                "A request signed in with the cookie gets a new cookie too.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", Logout)
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("Clears the web panel's sign-in cookie")
            .WithDescription("Bearer tokens are not kept by the server; a client forgets its own.");
    }

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request,
        bool? useCookie,
        HttpContext context,
        PasswordLogin passwords,
        LoginThrottle throttle,
        TokenIssuer tokens,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Login))
        {
            errors["login"] = ["A login is required."];
        }
        else if (request.Login.Any(char.IsControl))
        {
            errors["login"] = ["A login has no control characters."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["A password is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var login = request!.Login!.Trim();
        var address = context.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(login, address) is { } wait)
        {
            // Refused before the password is checked: a locked-out guess learns nothing, and costs no hashing.
            var seconds = (long)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed logins.",
                detail: $"Try again in {seconds} seconds.");
        }

        var user = await passwords.VerifyAsync(login, request.Password!, cancellationToken);
        if (user is null)
        {
            throttle.Failed(login, address);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong login or password.");
        }

        throttle.Succeeded(login, address);
        var token = tokens.Issue(user);
        if (useCookie == true)
        {
            AuthCookie.Append(context.Response, token);
        }

        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt));
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> RefreshAsync(
        ClaimsPrincipal principal,
        HttpContext context,
        UserDirectory users,
        TokenIssuer tokens,
        CancellationToken cancellationToken)
    {
        // The user as stored now, with the token's stamp checked: removed or changed users get no new token.
        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null)
        {
            return CrmProblems.UnknownUser();
        }

        var token = tokens.Issue(user);
        if (CrmAuthenticationExtensions.UsesCookie(context))
        {
            AuthCookie.Append(context.Response, token);
        }

        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt));
    }

    private static NoContent Logout(HttpContext context)
    {
        AuthCookie.Delete(context.Response);
        return TypedResults.NoContent();
    }
}
