using System.Net;
using System.Net.Http.Headers;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>The panel and the API tell the browser to run nothing inline, sniff nothing, frame nothing and leak no address.</summary>
public class SecurityHeadersTests(SecurityHeadersTests.BehindHttpsProxy server) : IClassFixture<SecurityHeadersTests.BehindHttpsProxy>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/api/calls")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var response = await server.Http.GetAsync(path);

        var policy = Single(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task An_answer_to_a_signed_in_api_call_carries_them_too()
    {
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        using var overHttps = new HttpRequestMessage(HttpMethod.Get, "/");
        overHttps.Headers.Host = "switchboard.example.org";
        overHttps.Headers.Add("X-Forwarded-Proto", "https");
        using var overHttp = new HttpRequestMessage(HttpMethod.Get, "/");
        overHttp.Headers.Host = "switchboard.example.org";

        using var secure = await server.Http.SendAsync(overHttps);
        using var plain = await server.Http.SendAsync(overHttp);

        Assert.StartsWith("max-age=", Single(secure, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);

    /// <summary>The server behind a TLS-terminating proxy: forwarded headers on, so X-Forwarded-Proto: https makes a request https.</summary>
    public sealed class BehindHttpsProxy : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--ForwardedHeaders_Enabled=true"];
    }
}
