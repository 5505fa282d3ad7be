using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Simulator.Tests;

/// <summary>
/// Who a test request is, in place of the host's tokens and user directory, which the simulator
/// knows nothing of: <c>Authorization: Test agent 101,102</c>, <c>Test supervisor 103</c>,
/// <c>Test administrator</c>. No header: anonymous.
/// </summary>
internal static class TestSignIn
{
    public const string SchemeName = "Test";

    public static string Header(string role, params string[] lines) => $"{role} {string.Join(',', lines)}".Trim();

    /// <summary>Reads the header into a role claim and one claim per line.</summary>
    internal sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var words = header[(SchemeName.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var claims = new List<Claim> { new("role", words[0]) };
            claims.AddRange(words.Skip(1).SelectMany(w => w.Split(',')).Select(line => new Claim("line", line)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }

    /// <summary>The simulator's user as the claims say: no directory to ask.</summary>
    internal sealed class Users : ISimulatorUsers
    {
        public ValueTask<SimulatorUser> FindAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            var role = principal.FindFirstValue("role");
            return ValueTask.FromResult(new SimulatorUser(
                [.. principal.FindAll("line").Select(c => c.Value)],
                IsAdministrator: role == "administrator",
                MayCallQueues: role is "supervisor" or "administrator"));
        }
    }
}
