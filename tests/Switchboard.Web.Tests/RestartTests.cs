using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

public class RestartTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    private const string Title = $"{Demo.KnownCallerName} · {Demo.KnownCaller}";

    [Fact]
    public async Task The_server_restarts_mid_call_the_panel_says_so_reconnects_and_takes_calls_again()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await AnsweredCallAsync(a);

        await RestartWhileWatchingTheBannerAsync(a, Ui.TestName());

        await Expect(a.ConnectionBanner).ToHaveCountAsync(0);
        await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection to the server restored." })).ToBeVisibleAsync();
        await Expect(a.Page.GetByRole(AriaRole.Region, new() { Name = "Your line and state" })).ToContainTextAsync("Line 101");

        // The PBX outlived the server, so the call is still there; it ends from the panel as any other.
        await a.ClickAsync("Hang up", a.Call(Title));
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");

        // Reconnected for real: a new call rings the panel and is handled from it.
        var next = await server.Simulator.CallAsync("+74957654321", Demo.LineA);
        await Expect(a.IncomingPopup).ToContainTextAsync("Pavel Kuznetsov");
        await a.ClickAsync("Answer", a.IncomingPopup);
        var call = a.Call("Pavel Kuznetsov · +74957654321");
        await Expect(call).ToContainTextAsync("Connected");
        await a.ScreenshotAsync(Ui.TestName() + "_after");
        await server.Simulator.HangUpAsync(next);
        await Expect(call).ToHaveCountAsync(0);

    }

    [Fact]
    public async Task After_a_restart_mid_call_the_panel_shows_the_call_again()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await AnsweredCallAsync(a);

        await RestartWhileWatchingTheBannerAsync(a, Ui.TestName());

        await Expect(a.ConnectionBanner).ToHaveCountAsync(0);
        var call = a.Call(Title);
        await Expect(call).ToContainTextAsync("Connected");
        await a.ScreenshotAsync(Ui.TestName());
        await a.ClickAsync("Hang up", call);
        await Expect(a.CallsInProgress).ToContainTextAsync("No call right now.");
    }

    private async Task AnsweredCallAsync(Panel agent)
    {
        await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        await agent.ClickAsync("Answer", agent.IncomingPopup);
        await Expect(agent.Call(Title)).ToContainTextAsync("Connected");
    }

    /// <summary>
    /// Restarts the server with the panel's way back to the hub held shut until the banner has been
    /// seen (and photographed), so the test does not depend on how fast the server comes back.
    /// </summary>
    private async Task RestartWhileWatchingTheBannerAsync(Panel agent, string screenshot)
    {
        var reopen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const string Negotiate = "**/hubs/cti/negotiate**";
        await agent.Context.RouteAsync(Negotiate, async route =>
        {
            await reopen.Task;
            await route.ContinueAsync();
        });
        try
        {
            await server.RestartAsync();
            await Expect(agent.ConnectionBanner).ToHaveTextAsync("Connection to the server lost. Reconnecting…");
            await agent.ScreenshotAsync(screenshot);
        }
        finally
        {
            reopen.TrySetResult();
        }

        await agent.Context.UnrouteAsync(Negotiate);
    }
}
