using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using Switchboard.Testing;
using static Switchboard.Server.Tests.Security.PageRequests;

namespace Switchboard.Server.Tests.Security;

/// <summary><c>Security:AllowedOrigins</c> lets the pages of other origins in, beside the server's own, and only those.</summary>
public class AllowedOriginsTests(AllowedOriginsTests.WithAnotherPanel server) : IClassFixture<AllowedOriginsTests.WithAnotherPanel>
{
    private const string OtherPanel = "https://panel.example.test:8443";

    [Fact]
    public async Task A_page_of_an_allowed_origin_opens_the_hub_and_logs_out_with_the_cookie()
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);

        var (socket, status) = await OpenHubSocketAsync(server.BaseAddress, OtherPanel, cookie);
        using var open = socket;
        using var logout = await server.Http.SendAsync(FromPage(HttpMethod.Post, "/api/auth/logout", OtherPanel, cookie));

        Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
        await open!.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
    }

    [Theory]
    [InlineData("http://panel.example.test:8443")]
    [InlineData("https://panel.example.test")]
    [InlineData("https://evil.panel.example.test:8443")]
    [InlineData("null")]
    public async Task Another_origin_is_still_refused(string origin)
    {
        var cookie = await SignInCookieAsync(server.BaseAddress, Demo.AgentA);

        var (socket, status) = await OpenHubSocketAsync(server.BaseAddress, origin, cookie);

        socket?.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task A_setting_that_is_not_an_origin_stops_the_server_at_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = await SwitchboardApp.CreateAsync(
            [
                "--role=crm",
                "--urls=http://127.0.0.1:0",
                "--environment=Testing",
                $"--ConnectionStrings:Crm=Data Source={Path.Combine(folder, "switchboard.db")}",
                $"--Auth:SigningKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}",
                "--Logging:LogLevel:Default=None",
                "--Security:AllowedOrigins:0=https://panel.example.test/panel",
            ]);

            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().WaitAsync(Timeouts.Step));
            Assert.Contains("Security:AllowedOrigins", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    public sealed class WithAnotherPanel : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => [$"--Security:AllowedOrigins:0={OtherPanel}"];
    }
}
