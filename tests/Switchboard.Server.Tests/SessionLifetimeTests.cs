using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>
/// A hub connection is judged for as long as it lives (role all): removing, disabling or changing
/// a user, taking their lines, or logging out closes their open connections within seconds, and
/// what their old token could open before it opens no more, over HTTP, negotiate and refresh alike.
/// </summary>
public sealed class SessionLifetimeTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly HttpClient _admin = server.AuthorizedClient(server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)).GetAwaiter().GetResult());

    [Fact]
    public async Task A_deleted_users_connection_is_told_and_closed_and_their_token_opens_nothing_more()
    {
        var (id, login) = await CreateUserAsync("agent", ["7101"]);
        var token = await server.LoginAsync(login, Password);
        await using var probe = await HubProbe.OpenAsync(server.BaseAddress, token);

        (await _admin.DeleteAsync(new Uri($"/api/users/{id}", UriKind.Relative))).EnsureSuccessStatusCode();

        await probe.WaitClosedAsync();
        Assert.Contains("session_ended", probe.ErrorCodes);
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(token));
        using var client = server.AuthorizedClient(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Taking_an_agents_line_away_closes_the_connection_and_the_next_one_has_no_line()
    {
        var (id, login) = await CreateUserAsync("agent", ["7102"]);
        var token = await server.LoginAsync(login, Password);
        await using (var probe = await HubProbe.OpenAsync(server.BaseAddress, token))
        {
            Assert.Equal("7102", (await probe.Initialized).GetProperty("line").GetString());

            (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}/lines", UriKind.Relative), new { lines = Array.Empty<string>() })).EnsureSuccessStatusCode();

            await probe.WaitClosedAsync();
            Assert.Contains("session_changed", probe.ErrorCodes);
        }

        // The same token is still the user's: it opens a connection with the lines as they are now.
        await using var again = await HubProbe.OpenAsync(server.BaseAddress, token);
        Assert.Equal(JsonValueKind.Null, (await again.Initialized).GetProperty("line").ValueKind);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => again.Connection.InvokeAsync(CtiCommands.MakeCall, new { number = "102" }));
        Assert.Contains("no line", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_password_change_closes_the_connection_and_the_old_token_opens_neither_the_hub_nor_the_team_calls()
    {
        var (id, login) = await CreateUserAsync("supervisor", ["7103"]);
        var token = await server.LoginAsync(login, Password);
        await using var probe = await HubProbe.OpenAsync(server.BaseAddress, token);
        using var supervisor = server.AuthorizedClient(token);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(new Uri("/api/team/calls/active", UriKind.Relative))).StatusCode);

        (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}/password", UriKind.Relative), new { password = "a-new-password" })).EnsureSuccessStatusCode();

        await probe.WaitClosedAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync(new Uri("/api/team/calls/active", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.PostAsync(new Uri("/api/auth/refresh", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_closes_the_connection()
    {
        var (id, login) = await CreateUserAsync("supervisor", ["7104"]);
        await using var probe = await HubProbe.OpenAsync(server.BaseAddress, await server.LoginAsync(login, Password));

        (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { login, displayName = "Demoted", role = "agent" })).EnsureSuccessStatusCode();

        await probe.WaitClosedAsync();
        Assert.Contains("session_ended", probe.ErrorCodes);
    }

    [Fact]
    public async Task Disabling_a_user_closes_their_connection_refuses_their_login_and_enabling_them_does_not_revive_old_tokens()
    {
        var (id, login) = await CreateUserAsync("agent", ["7105"]);
        var token = await server.LoginAsync(login, Password);
        await using var probe = await HubProbe.OpenAsync(server.BaseAddress, token);

        (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { login, displayName = "Someone", role = "agent", disabled = true })).EnsureSuccessStatusCode();

        await probe.WaitClosedAsync();
        Assert.Contains("session_ended", probe.ErrorCodes);
        using var refused = await server.Http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { login, password = Password });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { login, displayName = "Someone", role = "agent", disabled = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(token));
        await using var fresh = await HubProbe.OpenAsync(server.BaseAddress, await server.LoginAsync(login, Password));
    }

    [Fact]
    public async Task Logout_ends_that_session_for_the_bearer_token_the_cookie_refresh_and_the_hub_and_no_other()
    {
        var (_, login) = await CreateUserAsync("agent", ["7106"]);
        using var browser = await CookieBrowser.SignInAsync(server.BaseAddress, login, Password);
        var token = browser.Token;
        var otherToken = await server.LoginAsync(login, Password);
        await using var probe = await HubProbe.OpenAsync(server.BaseAddress, token);
        await using var other = await HubProbe.OpenAsync(server.BaseAddress, otherToken);
        using var bearer = server.AuthorizedClient(token);

        (await bearer.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).EnsureSuccessStatusCode();

        await probe.WaitClosedAsync();
        Assert.Contains("session_ended", probe.ErrorCodes);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.PostAsync(new Uri("/api/auth/refresh", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(token));

        // The user's other sign-in lives on.
        Assert.False(other.Closed.IsCompleted);
        using var stillIn = server.AuthorizedClient(otherToken);
        Assert.Equal(HttpStatusCode.OK, (await stillIn.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Logout_with_the_cookie_alone_ends_the_cookies_session()
    {
        var (_, login) = await CreateUserAsync("agent", ["7107"]);
        using var browser = await CookieBrowser.SignInAsync(server.BaseAddress, login, Password);
        var cookie = browser.Cookie;

        using var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auth/logout", UriKind.Relative));
        logout.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        (await browser.Client.SendAsync(logout)).EnsureSuccessStatusCode();

        // The browser forgot the cookie; one who kept a copy of it gets nothing with it.
        using var stolen = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/me", UriKind.Relative));
        stolen.Headers.Add("Cookie", $"switchboard.auth={cookie}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.SendAsync(stolen)).StatusCode);
    }

    public void Dispose() => _admin.Dispose();

    private const string Password = "session-test-password";

    private async Task<(Guid Id, string Login)> CreateUserAsync(string role, string[] lines)
    {
        var login = $"u{Guid.NewGuid():N}"[..12];
        using var created = await _admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { login, displayName = "Session test", role, password = Password, lines });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), login);
    }

    private async Task<HttpStatusCode> NegotiateAsync(string token)
    {
        using var client = server.AuthorizedClient(token);
        using var response = await client.PostAsync(new Uri($"{CtiCommands.HubPath}/negotiate?negotiateVersion=1", UriKind.Relative), null);
        return response.StatusCode;
    }
}

/// <summary>A client that signs in as the panel does, with the sign-in cookie, and keeps it.</summary>
internal sealed class CookieBrowser : IDisposable
{
    private readonly HttpClientHandler _cookies = new() { CookieContainer = new CookieContainer() };
    private readonly Uri _server;

    private CookieBrowser(Uri server)
    {
        _server = server;
        Client = new HttpClient(_cookies) { BaseAddress = server, Timeout = Timeouts.Step };
    }

    public HttpClient Client { get; }

    /// <summary>The token that login returned next to the cookie.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The cookie's value as the browser holds it.</summary>
    public string Cookie => _cookies.CookieContainer.GetCookies(_server)["switchboard.auth"]!.Value;

    public static async Task<CookieBrowser> SignInAsync(Uri server, string login, string password)
    {
        var browser = new CookieBrowser(server);
        using var signedIn = await browser.Client.PostAsJsonAsync(new Uri("/api/auth/login?useCookie=true", UriKind.Relative), new { login, password });
        signedIn.EnsureSuccessStatusCode();
        browser.Token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        return browser;
    }

    public void Dispose()
    {
        Client.Dispose();
        _cookies.Dispose();
    }
}

/// <summary>A hub connection lives no longer than its token.</summary>
public sealed class TokenExpiryTests(ShortTokenServerFixture server) : IClassFixture<ShortTokenServerFixture>
{
    [Fact]
    public async Task A_connection_closes_when_its_token_expires()
    {
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var probe = await HubProbe.OpenAsync(server.BaseAddress, token, o => o.Transports = HttpTransportType.WebSockets);

        // The token lasts a few seconds; the connection must not outlive it by more than SignalR's scan.
        await probe.WaitClosedAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.AuthorizedClient(token).GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }
}

/// <summary>The whole server with tokens that last five seconds.</summary>
public sealed class ShortTokenServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Auth:TokenLifetime=00:00:05"];
}
