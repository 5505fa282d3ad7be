using System.Net;
using System.Net.Http.Json;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Proxies;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> count only from the proxies named in
/// <c>Security:ForwardedHeaders</c>; seen through what login throttling counts (three failures lock
/// an address here) and through the sign-in cookie's Secure flag. Clients connect from distinct
/// loopback addresses: the proxy, a client that is not one, and the CRM on 127.0.0.1.
/// </summary>
public sealed class TrustedProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.3.1");
    private static readonly IPAddress Direct = IPAddress.Parse("127.0.3.2");
    private static readonly string[] Crm = ["--role=crm", "--Demo:Enabled=true", "--Auth:MaxFailedLogins=3"];

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        await using var server = await SwitchboardHost.StartAsync(Crm);
        using var client = LoopbackClients.Create(server.BaseAddress, Direct);

        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(client, "nobody", "wrong", claimed));
        }

        // Three addresses were claimed, one connected: that one is locked out.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, Demo.AgentA, Demo.PasswordOf(Demo.AgentA), "203.0.113.4"));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_client_is_counted_by_its_own_address()
    {
        await using var server = await SwitchboardHost.StartAsync([.. Crm, $"--Security:ForwardedHeaders:KnownProxies={Proxy}"]);
        using var proxy = LoopbackClients.Create(server.BaseAddress, Proxy);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(proxy, "admin", "wrong", "203.0.113.1"));
        }

        // The guesser behind the proxy is locked out; the administrator behind the same proxy is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(proxy, "admin", Demo.PasswordOf("admin"), "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(proxy, "admin", Demo.PasswordOf("admin"), "203.0.113.2"));
    }

    [Fact]
    public async Task A_client_that_is_not_a_configured_proxy_cannot_pass_for_another_address()
    {
        await using var server = await SwitchboardHost.StartAsync([.. Crm, $"--Security:ForwardedHeaders:KnownProxies={Proxy}"]);
        using var direct = LoopbackClients.Create(server.BaseAddress, Direct);
        using var proxy = LoopbackClients.Create(server.BaseAddress, Proxy);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(direct, "nobody", "wrong", "203.0.113.9"));
        }

        // The failures were charged to the address that connected, not to the one it claimed.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(direct, Demo.AgentA, Demo.PasswordOf(Demo.AgentA), "203.0.113.8"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(proxy, Demo.AgentA, Demo.PasswordOf(Demo.AgentA), "203.0.113.9"));
    }

    [Fact]
    public async Task The_scheme_a_configured_proxy_forwards_makes_the_sign_in_cookie_secure_and_nobody_elses_does()
    {
        await using var server = await SwitchboardHost.StartAsync([.. Crm, $"--Security:ForwardedHeaders:KnownProxies={Proxy}"]);
        using var proxy = LoopbackClients.Create(server.BaseAddress, Proxy);
        using var direct = LoopbackClients.Create(server.BaseAddress, Direct);

        Assert.Contains("secure", await SignInCookieAsync(proxy), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await SignInCookieAsync(direct), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string login, string password, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> SignInCookieAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login?useCookie=true")
        {
            Content = JsonContent.Create(new { login = Demo.AgentA, password = Demo.PasswordOf(Demo.AgentA) }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return Assert.Single(response.Headers.GetValues("Set-Cookie"));
    }
}
