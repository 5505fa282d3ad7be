using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// Signs hub connections in with the CRM's tokens without holding the CRM's signing key: the CRM
/// itself says whom a token belongs to (<see cref="CrmSignIns"/>), so a token it did not issue, or
/// of a user since removed or changed, is refused here exactly as the CRM refuses it. .NET clients
/// send the token in the Authorization header; browsers' WebSockets cannot, and send it as
/// <c>access_token</c> in the query string of <c>/hubs</c> requests.
/// </summary>
public sealed partial class CrmTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CrmSignIns signIns) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "CrmToken";

    private const string HubsPath = "/hubs";
    private const string AccessTokenQueryKey = "access_token";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        (Ports.SignedIn SignedIn, DateTimeOffset ExpiresAt)? signIn;
        try
        {
            signIn = await signIns.SignInAsync(token, Context.RequestAborted);
        }
        catch (Exception error) when (!Context.RequestAborted.IsCancellationRequested)
        {
            LogCrmUnreachable(error.Message);
            return AuthenticateResult.Fail("The CRM could not be asked whom the token belongs to.");
        }

        if (signIn is not { } accepted)
        {
            return AuthenticateResult.Fail("The CRM does not accept the token.");
        }

        // The token's expiry travels with the ticket, so that the hub closes the connection then.
        var properties = new AuthenticationProperties { ExpiresUtc = accepted.ExpiresAt };
        var principal = new ClaimsPrincipal(new CrmSignInIdentity(accepted.SignedIn, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, properties, SchemeName));
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return NonEmpty(header[BearerPrefix.Length..].Trim());
        }

        return request.Path.StartsWithSegments(HubsPath) ? NonEmpty(request.Query[AccessTokenQueryKey].ToString()) : null;
    }

    private static string? NonEmpty(string value) => value.Length > 0 ? value : null;

    [LoggerMessage(1, LogLevel.Warning, "A sign-in was refused because the CRM could not be asked: {Reason}")]
    private partial void LogCrmUnreachable(string reason);
}
