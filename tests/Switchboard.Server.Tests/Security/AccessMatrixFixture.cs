using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// The whole server (role all) with what the access matrix needs: a token for each identity, a
/// second team with its own supervisor, a finished call on agent1's line, an account to link it to.
/// </summary>
public sealed class AccessMatrixFixture : ServerFixture
{
    public const string Password = "matrix-password";

    private readonly Dictionary<Identity, string> _tokens = [];

    public Guid CallId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid OtherTeamId { get; private set; }

    public HttpClient Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _tokens[Identity.Administrator] = await LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator));
        Admin = AuthorizedClient(_tokens[Identity.Administrator]);
        _tokens[Identity.Agent] = await LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        _tokens[Identity.OtherAgent] = await LoginAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        _tokens[Identity.TeamSupervisor] = await LoginAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));

        var team = await SendAsync(Admin, HttpMethod.Post, "/api/teams", new { name = "Other team" });
        OtherTeamId = team["id"]!.GetValue<Guid>();
        var otherSupervisor = await CreateUserAsync("supervisor", ["7301"]);
        await SendAsync(Admin, HttpMethod.Put, $"/api/users/{otherSupervisor.Id}/team", new { teamId = OtherTeamId });
        _tokens[Identity.OtherSupervisor] = await LoginAsync(otherSupervisor.Login, Password);

        var saved = await SendAsync(Admin, HttpMethod.Put, "/api/calls/pbx/matrix-call/101", new
        {
            conversationId = "matrix-call",
            direction = "incoming",
            callerNumber = Demo.KnownCaller,
            calleeNumber = Demo.LineA,
            state = "finished",
            startedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            endedAt = DateTimeOffset.UtcNow.AddMinutes(-4),
            durationSeconds = 60,
            endReason = "missed",
            recordingFile = "/var/spool/asterisk/monitor/matrix-call.wav",
        });
        Directory.CreateDirectory(RecordingsFolder);
        await File.WriteAllBytesAsync(Path.Combine(RecordingsFolder, "matrix-call.wav"), new byte[64]);
        CallId = saved["id"]!.GetValue<Guid>();
        var candidates = await SendAsync(Admin, HttpMethod.Get, $"/api/contacts/lookup?number={Uri.EscapeDataString(Demo.KnownCaller)}", null);
        AccountId = candidates.AsArray()[0]!["accountId"]!.GetValue<Guid>();

        _tokens[Identity.ExpiredToken] = Expired(await LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA)));

        var loggedOut = await LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        using (var client = AuthorizedClient(loggedOut))
        {
            (await client.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        _tokens[Identity.LoggedOutToken] = loggedOut;

        var changing = await CreateUserAsync("agent", ["7302"]);
        _tokens[Identity.PasswordChangedToken] = await LoginAsync(changing.Login, Password);
        await SendAsync(Admin, HttpMethod.Put, $"/api/users/{changing.Id}/password", new { password = "another-matrix-password" });

        var leaving = await CreateUserAsync("supervisor", ["7303"]);
        _tokens[Identity.DeletedUserToken] = await LoginAsync(leaving.Login, Password);
        await SendAsync(Admin, HttpMethod.Delete, $"/api/users/{leaving.Id}", null);
    }

    /// <summary>The identity's token; null for anonymous.</summary>
    public string? TokenOf(Identity identity) => _tokens.GetValueOrDefault(identity);

    /// <summary>A fresh sign-in of a live identity, for requests that end their own session (logout).</summary>
    public async Task<string?> ThrowawayTokenOf(Identity identity) => identity switch
    {
        Identity.Agent => await LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA)),
        Identity.OtherAgent => await LoginAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB)),
        Identity.TeamSupervisor => await LoginAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor)),
        Identity.Administrator => await LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)),
        Identity.OtherSupervisor => await LoginAsync(await LoginOfAsync(TokenOf(identity)!), Password),
        _ => TokenOf(identity),
    };

    /// <summary>A user the test may change or remove.</summary>
    public async Task<(Guid Id, string Login)> CreateUserAsync(string role, string[] lines)
    {
        var login = $"m{Guid.NewGuid():N}"[..12];
        var created = await SendAsync(Admin, HttpMethod.Post, "/api/users", new { login, displayName = "Matrix " + role, role, password = Password, lines });
        return (created["id"]!.GetValue<Guid>(), login);
    }

    public async Task<Guid> CreateTeamAsync()
    {
        var team = await SendAsync(Admin, HttpMethod.Post, "/api/teams", new { name = "Matrix " + Guid.NewGuid().ToString("N")[..8] });
        return team["id"]!.GetValue<Guid>();
    }

    public override async Task DisposeAsync()
    {
        Admin?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Sends as <paramref name="client"/> and expects success; the JSON answered, or an empty object.</summary>
    public static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length > 0 ? JsonNode.Parse(text)! : new JsonObject();
    }

    private async Task<string> LoginOfAsync(string token)
    {
        using var client = AuthorizedClient(token);
        return (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/me", UriKind.Relative))).GetProperty("login").GetString()!;
    }

    // The same claims as a genuine token, signed with the server's key, but a lifetime that ended an hour ago.
    private string Expired(string genuine)
    {
        var claims = new JsonWebToken(genuine).Claims
            .Where(c => c.Type is not ("exp" or "nbf" or "iat" or "iss" or "aud"))
            .ToDictionary(c => c.Type, c => (object)c.Value);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "switchboard",
            Audience = "switchboard",
            IssuedAt = now.AddHours(-13),
            NotBefore = now.AddHours(-13),
            Expires = now.AddHours(-1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
