using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Tests.Api;

/// <summary>Token refresh, and the web panel's sign-in cookie next to bearer tokens.</summary>
public abstract class SignInApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task A_valid_token_is_exchanged_for_a_new_one_that_works()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var refreshed = (await agent1.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.OK);
        using var next = Server.CreateClient(refreshed.Body!["token"]!.GetValue<string>());

        Assert.True(refreshed.Body["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
        Assert.Equal("agent1", (await next.GetJsonAsync("/api/me"))["login"]!.GetValue<string>());
        Assert.False(refreshed.Response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_expired_token_is_not_refreshed()
    {
        var anna = (await Server.Get<UserDirectory>().FindByLoginAsync("agent1"))!;
        var yesterday = new TokenIssuer(Server.Get<SigningKeyStore>(), new AuthOptions(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-13)));
        using var client = Server.CreateClient(yesterday.Issue(anna).Token);

        (await client.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.Unauthorized).Dispose();
    }

    [Fact]
    public async Task A_token_of_a_user_changed_or_removed_since_is_not_refreshed()
    {
        using var admin = await Server.SignInAsync("admin");
        using var created = (await admin.PostAsync("/api/users", new { login = "temp1", displayName = "Temp", role = "agent", password = "temp-password" })).Expect(HttpStatusCode.Created);
        var id = created.Body!["id"]!.GetValue<Guid>();
        using var beforePassword = Server.CreateClient(await Server.LoginAsync("temp1", "temp-password"));
        (await admin.PutJsonAsync($"/api/users/{id}/password", new { password = "other-password" })).Expect(HttpStatusCode.NoContent).Dispose();
        using var beforeRemoval = Server.CreateClient(await Server.LoginAsync("temp1", "other-password"));
        (await admin.DeleteAnswerAsync($"/api/users/{id}")).Expect(HttpStatusCode.NoContent).Dispose();

        (await beforePassword.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.Unauthorized).Dispose();
        (await beforeRemoval.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.Unauthorized).Dispose();
    }

    [Fact]
    public async Task A_cookie_login_sets_an_http_only_same_site_strict_cookie_and_still_returns_the_token()
    {
        using var client = Server.CreateClient();

        using var answer = (await client.PostAsync("/api/auth/login?useCookie=true", new { login = "agent2", password = "demo-agent2" })).Expect(HttpStatusCode.OK);
        var cookie = Assert.Single(answer.Response.Headers.GetValues("Set-Cookie"));

        Assert.StartsWith($"{AuthCookie.Name}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(answer.Body!["token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_plain_login_sets_no_cookie()
    {
        using var client = Server.CreateClient();

        using var answer = (await client.PostAsync("/api/auth/login", new { login = "agent2", password = "demo-agent2" })).Expect(HttpStatusCode.OK);

        Assert.False(answer.Response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_cookie_alone_signs_in_to_the_api_and_the_hub()
    {
        var cookies = new CookieContainer();
        using var browser = Server.CreateClient(cookies: cookies);
        (await browser.PostAsync("/api/auth/login?useCookie=true", new { login = "agent2", password = "demo-agent2" })).Expect(HttpStatusCode.OK).Dispose();

        var me = await browser.GetJsonAsync("/api/me");
        var calls = await browser.GetJsonAsync("/api/calls?limit=200");

        Assert.Equal("agent2", me["login"]!.GetValue<string>());
        Assert.Equal(fixture.Line102.Order(StringComparer.Ordinal), calls.PbxCallIds().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await browser.GetStatusAsync(CrmTestServer.HubProbePath));
    }

    [Fact]
    public async Task A_bearer_token_wins_over_the_cookie()
    {
        var cookies = new CookieContainer();
        using var browser = Server.CreateClient(cookies: cookies);
        (await browser.PostAsync("/api/auth/login?useCookie=true", new { login = "agent2", password = "demo-agent2" })).Expect(HttpStatusCode.OK).Dispose();

        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Server.LoginAsync("agent1", "demo-agent1"));
        var asAgent1 = await browser.GetJsonAsync("/api/me");
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var withBadToken = await browser.GetStatusAsync("/api/me");

        Assert.Equal("agent1", asAgent1["login"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, withBadToken);
    }

    [Fact]
    public async Task Refreshing_with_the_cookie_renews_the_cookie()
    {
        var cookies = new CookieContainer();
        using var browser = Server.CreateClient(cookies: cookies);
        (await browser.PostAsync("/api/auth/login?useCookie=true", new { login = "supervisor", password = "demo-supervisor" })).Expect(HttpStatusCode.OK).Dispose();

        using var refreshed = (await browser.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.OK);

        Assert.StartsWith($"{AuthCookie.Name}=", Assert.Single(refreshed.Response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal("supervisor", (await browser.GetJsonAsync("/api/me"))["login"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logging_out_clears_the_cookie()
    {
        var cookies = new CookieContainer();
        using var browser = Server.CreateClient(cookies: cookies);
        (await browser.PostAsync("/api/auth/login?useCookie=true", new { login = "agent1", password = "demo-agent1" })).Expect(HttpStatusCode.OK).Dispose();

        using var loggedOut = (await browser.PostAsync("/api/auth/logout")).Expect(HttpStatusCode.NoContent);

        Assert.StartsWith($"{AuthCookie.Name}=;", Assert.Single(loggedOut.Response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Empty(cookies.GetCookies(Server.Address));
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.GetStatusAsync("/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.GetStatusAsync(CrmTestServer.HubProbePath));
    }

    [Fact]
    public async Task A_login_with_control_characters_is_400_naming_it()
    {
        using var client = Server.CreateClient();

        using var answer = (await client.PostAsync("/api/auth/login", new { login = "agent1\u0000", password = "demo-agent1" })).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("login"));
    }

    [Fact]
    public async Task A_forged_cookie_is_refused()
    {
        var cookies = new CookieContainer();
        cookies.Add(Server.Address, new Cookie(AuthCookie.Name, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
        using var browser = Server.CreateClient(cookies: cookies);

        Assert.Equal(HttpStatusCode.Unauthorized, await browser.GetStatusAsync("/api/me"));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresSignInApiTests(PostgresCallsSectionFixture fixture) : SignInApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteSignInApiTests(SqliteCallsSectionFixture fixture) : SignInApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
