using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Crm.Auth;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous().WithName("Login").WithTags("Auth");

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request,
        PasswordLogin passwords,
        TokenIssuer tokens,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Login))
        {
            errors["login"] = ["A login is required."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["A password is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await passwords.VerifyAsync(request!.Login!.Trim(), request.Password!, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong login or password.");
        }

        var token = tokens.Issue(user);
        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt));
    }
}
