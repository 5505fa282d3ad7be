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
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshAsync)
            .RequireAuthorization()
            .WithName("RefreshToken")
            .WithSummary("Exchanges a valid, unexpired token (or sign-in cookie) for a new one")
            .WithDescription("The new token continues the same session. 401 when the token has expired, its session was logged out, " +
                "or its user was removed, disabled or had their login, role or password changed since. " +
                "A request signed in with the cookie gets a new cookie too.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapSessionCheckEndpoint();
        auth.MapPost("/logout", LogoutAsync)
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("Ends the session of the token or sign-in cookie, and clears the cookie")
            .WithDescription("Every token of the session is refused from then on (also by refresh), and the session's open hub " +
                "connections close. Without a valid token or cookie it only clears the cookie.");
    }

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request,
        bool? useCookie,
        HttpContext context,
        PasswordLogin passwords,
        LoginThrottle throttle,
        TokenIssuer tokens,
        SessionStore sessions,
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
        if (user.Disabled)
        {
            // Said only to whoever knows the password: it tells them why, and nobody else anything.
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This account is disabled; ask an administrator.");
        }

        // The session ends when its token does, to the second the token says.
        var sessionId = Guid.NewGuid();
        var token = tokens.Issue(user, sessionId);
        await sessions.StartAsync(sessionId, user.Id, token.ExpiresAt, cancellationToken);
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
        SessionStore sessions,
        CancellationToken cancellationToken)
    {
        // The judge accepted the token: the session is live and the user unchanged. The new token
        // continues the same session, so logging out ends it too.
        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null || principal.FindSessionId() is not { } session)
        {
            return CrmProblems.UnknownUser();
        }

        var token = tokens.Issue(user, session);
        if (!await sessions.ExtendAsync(session, token.ExpiresAt, cancellationToken))
        {
            return CrmProblems.UnknownUser();
        }

        if (CrmAuthenticationExtensions.UsesCookie(context))
        {
            AuthCookie.Append(context.Response, token);
        }

        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt));
    }

    private static async Task<NoContent> LogoutAsync(
        HttpContext context, ClaimsPrincipal principal, SessionStore sessions, CancellationToken cancellationToken)
    {
        // Anonymous is allowed so that a client with an ended session can still clear its cookie;
        // a live session (bearer or cookie) ends here for every token of it, on every node.
        if (principal.Identities.OfType<SignedInIdentity>().FirstOrDefault() is { } signedIn)
        {
            await sessions.EndAsync(signedIn.Session.SessionId, cancellationToken);
        }

        AuthCookie.Delete(context.Response);
        return TypedResults.NoContent();
    }
}
