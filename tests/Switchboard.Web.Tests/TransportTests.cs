using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

/// <summary>
/// The panel forced onto one SignalR transport by its <c>?transport=</c> setting, for networks that block
/// WebSockets: it never opens one, and a call rings, is answered, held, resumed and hung up as usual.
/// </summary>
public class TransportTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    private const string Title = $"{Demo.KnownCallerName} · {Demo.KnownCaller}";

    [Theory]
    [InlineData("longPolling")]
    [InlineData("serverSentEvents")]
    public async Task A_call_is_worked_to_its_end_with_the_panel_forced_onto(string transport)
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA, $"?transport={transport}#/");

        await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        await Expect(a.IncomingPopup).ToContainTextAsync(Demo.KnownCallerName);
        await a.ClickAsync("Answer", a.IncomingPopup);
        var call = a.Call(Title);
        await Expect(call).ToContainTextAsync("Connected");
        await a.ClickAsync("Hold", call);
        await Expect(call).ToContainTextAsync("On hold");
        await a.ClickAsync("Resume", call);
        await Expect(call).ToContainTextAsync("Connected");
        await a.ScreenshotAsync(Ui.TestName() + "_" + transport);
        await a.ClickAsync("Hang up", call);
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");

        var traffic = a.HubTraffic;
        Assert.DoesNotContain(traffic, line => line.StartsWith("WEBSOCKET ", StringComparison.Ordinal));
        if (transport == "serverSentEvents")
        {
            Assert.Contains(traffic, line => line.StartsWith("GET ", StringComparison.Ordinal) && line.EndsWith("text/event-stream", StringComparison.Ordinal));
        }
        else
        {
            // Long polling: one poll after another, each a plain GET of the connection's messages.
            Assert.True(traffic.Count(line => line.StartsWith("GET ", StringComparison.Ordinal) && line.Contains("/hubs/cti?id=", StringComparison.Ordinal)) > 1, string.Join(Environment.NewLine, traffic));
        }
    }
}
