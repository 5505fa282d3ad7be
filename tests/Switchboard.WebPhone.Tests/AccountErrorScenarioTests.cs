using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// A web-phone account that cannot work: the panel says why in words a person understands, keeps
/// running, and does not hammer the SIP server with reconnections.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class AccountErrorScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    // How long the WebSocket opens are counted after the error shows: longer than the web phone's first retry waits.
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(8);

    // At most this many opens in that time: the first attempt and a retry or two, never a storm.
    private const int CalmOpens = 3;

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await server.PutSipAccountAsync(rig, Demo.Supervisor);
        await rig.WaitForContactsAsync(Demo.SupervisorLine, 0, Limit);
    }

    [Fact]
    public async Task A_wrong_sip_password_is_explained_in_the_panel_without_a_retry_storm()
    {
        await server.PutSipAccountAsync(rig, Demo.Supervisor, password: "not-the-password");

        var (page, opens) = await OpenCountingWebSocketsAsync(rig.WebSocketUrl);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("refused the web phone's sign-in");
        await Expect(Banner(page)).ToHaveTextAsync("The SIP server refused the web phone's registration: check the SIP user name and password.");
        await Screenshots.TakeAsync(page);
        var seen = opens.Count;
        await Task.Delay(Watch);
        Assert.True(opens.Count <= CalmOpens, $"{opens.Count} WebSocket opens to the SIP server ({seen} when the error showed)");
        Assert.Empty(await rig.ContactsAsync(Demo.SupervisorLine, CancellationToken.None));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recent calls" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unreachable_sip_websocket_is_explained_in_the_panel_without_a_retry_storm()
    {
        var nowhere = new Uri($"ws://127.0.0.1:{RigPorts.FreeTcpPort()}");
        await server.PutSipAccountAsync(rig, Demo.Supervisor, webSocketUrl: nowhere);

        var (page, opens) = await OpenCountingWebSocketsAsync(nowhere);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"The SIP server at {nowhere}");
        await Expect(Banner(page)).ToHaveTextAsync("The web phone cannot reach the SIP server. Retrying…");
        await Screenshots.TakeAsync(page);
        var seen = opens.Count;
        await Task.Delay(Watch);
        Assert.True(opens.Count <= CalmOpens, $"{opens.Count} WebSocket opens to {nowhere} ({seen} when the error showed)");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recent calls" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_refused_microphone_is_explained_when_the_agent_answers_and_the_call_ends_failed()
    {
        var page = await browser.OpenPanelWithMicrophoneRefusedAsync(server, Demo.Supervisor);
        await rig.WaitForContactsAsync(Demo.SupervisorLine, 1, Limit);
        Assert.Equal("denied", await page.EvaluateAsync<string>("async () => { try { (await navigator.mediaDevices.getUserMedia({ audio: true })).getTracks().forEach((t) => t.stop()); return 'granted'; } catch (e) { return 'denied'; } }"));

        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.SupervisorLine });
        var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The browser did not allow the microphone");
        await Screenshots.TakeAsync(page);
        Assert.False(await caller.SucceedsAsync(), "the caller was answered without a microphone");
        await Expect(popup).ToHaveCountAsync(0);
        var row = Assert.Single(await CallLog.EndedAsync(page, caller.CallId, Limit));
        Assert.Equal(("failed", (DateTimeOffset?)null), (row.EndReason, row.AnsweredAt));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recent calls" })).ToBeVisibleAsync();
    }

    /// <summary>The connection banner at the top of the panel (its status line).</summary>
    private static ILocator Banner(IPage page) => page.Locator(".banner");

    /// <summary>The supervisor's panel, reloaded with every WebSocket the page opens to <paramref name="sipServer"/> counted.</summary>
    private async Task<(IPage Page, List<string> Opens)> OpenCountingWebSocketsAsync(Uri sipServer)
    {
        var page = await browser.OpenPanelAsync(server, Demo.Supervisor);
        List<string> opens = [];
        var prefix = sipServer.ToString().TrimEnd('/');
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.StartsWith(prefix, StringComparison.Ordinal))
            {
                lock (opens)
                {
                    opens.Add(socket.Url);
                }
            }
        };
        await page.ReloadAsync();
        return (page, opens);
    }
}
