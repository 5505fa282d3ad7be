using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Testing;
using static Switchboard.Server.Tests.Security.PageRequests;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// Cross-site WebSocket hijacking and CSRF, as an attacker played them against the server: a page
/// on another port of the same host is same-site, so the browser sends it the SameSite=Strict
/// sign-in cookie. Only the server's own pages reach the hub and change state with that cookie.
/// </summary>
public class OriginCheckTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_foreign_page_cannot_open_the_hub_with_the_cookie()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);

        var (socket, status) = await OpenHubSocketAsync(server.BaseAddress, SameSiteOrigin, cookie);

        socket?.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_foreign_page_cannot_open_the_hub_with_a_token_in_the_query_either()
    {
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        var (socket, status) = await OpenHubSocketAsync(server.BaseAddress, "http://attacker.example", cookie: null, queryToken: token);

        socket?.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_foreign_page_cannot_negotiate_with_the_hub_whatever_it_signs_in_with()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        using var withCookie = await server.Http.SendAsync(FromPage(HttpMethod.Post, "/hubs/cti/negotiate?negotiateVersion=1", SameSiteOrigin, cookie));
        using var bearer = FromPage(HttpMethod.Post, "/hubs/cti/negotiate?negotiateVersion=1", SameSiteOrigin, cookie: null);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var withBearer = await server.Http.SendAsync(bearer);

        await AssertRefusedAsync(withCookie);
        await AssertRefusedAsync(withBearer);
    }

    [Fact]
    public async Task The_servers_own_page_opens_the_hub_with_the_cookie_and_is_initialized()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);

        var (socket, status) = await OpenHubSocketAsync(server.BaseAddress, OwnOrigin(server.BaseAddress), cookie);
        using var open = socket;

        Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
        var initialized = await FirstEventAsync(open!);
        Assert.Contains("\"target\":\"initialized\"", initialized, StringComparison.Ordinal);
        Assert.Contains($"\"login\":\"{Demo.AgentA}\"", initialized, StringComparison.Ordinal);
        await open!.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_foreign_page_cannot_log_the_user_out_and_the_cookie_keeps_working()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);

        using var logout = await server.Http.SendAsync(FromPage(HttpMethod.Post, "/api/auth/logout", SameSiteOrigin, cookie));
        using var me = await server.Http.SendAsync(FromPage(HttpMethod.Get, "/api/me", origin: null, cookie));

        await AssertRefusedAsync(logout);
        Assert.False(logout.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_foreign_page_cannot_place_a_call_with_the_cookie_and_nothing_rings()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);
        var call = new { from = Demo.KnownCaller, to = Demo.LineA };

        using var foreign = await server.Http.SendAsync(FromPage(HttpMethod.Post, "/api/simulator/calls", SameSiteOrigin, cookie, JsonContent.Create(call)));
        // A browser that leaves Origin out still says where the request comes from.
        using var unnamed = FromPage(HttpMethod.Post, "/api/simulator/calls", origin: null, cookie, JsonContent.Create(call));
        unnamed.Headers.Add("Sec-Fetch-Site", "same-site");
        using var unnamedAnswer = await server.Http.SendAsync(unnamed);

        await AssertRefusedAsync(foreign);
        await AssertRefusedAsync(unnamedAnswer);
        Assert.Empty(server.Pbx.ListCalls());
    }

    [Theory]
    [InlineData("POST", "/api/auth/refresh")]
    [InlineData("PUT", "/api/calls/pbx/sim-1/101")]
    [InlineData("PUT", "/api/users/00000000-0000-0000-0000-000000000001/password")]
    [InlineData("DELETE", "/api/teams/00000000-0000-0000-0000-000000000001")]
    [InlineData("PATCH", "/api/calls/00000000-0000-0000-0000-000000000001")]
    public async Task Every_state_change_with_only_the_cookie_from_a_foreign_page_is_refused(string method, string path)
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.Administrator);

        using var response = await server.Http.SendAsync(FromPage(new HttpMethod(method), path, SameSiteOrigin, cookie, JsonContent.Create(new { })));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task The_servers_own_page_changes_state_with_the_cookie()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);

        using var placed = await server.Http.SendAsync(FromPage(
            HttpMethod.Post, "/api/simulator/calls", OwnOrigin(server.BaseAddress), cookie, JsonContent.Create(new { from = Demo.KnownCaller, to = Demo.LineA })));

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var id = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await server.Simulator.HangUpAsync(id);
    }

    [Fact]
    public async Task A_program_with_a_bearer_token_and_no_origin_changes_state()
    {
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var refreshed = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cross-origin request refused", problem.GetProperty("title").GetString());
    }
}
