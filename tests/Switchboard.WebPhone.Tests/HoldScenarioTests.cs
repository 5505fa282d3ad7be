using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Hold as the other side answers it: a party that refuses to be held (SIPp answering 488) leaves
/// the call connected, with media both ways, and a message that says so; the next hold it accepts
/// shows "On hold" and the resume "Connected", and the call's timer goes on counting from the answer.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed partial class HoldScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await rig.WaitForContactsAsync(Demo.LineB, 0, Limit);
    }

    [Fact]
    public async Task A_refused_hold_leaves_the_call_connected_with_media_and_the_next_hold_and_resume_work()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentB);
        await rig.WaitForContactsAsync(Demo.LineB, 1, Limit);
        await using var caller = await SippRun.StartAsync(rig, "outside-caller-refuses-hold.xml", new SippOptions { Service = Demo.LineB, Hold = TimeSpan.FromSeconds(2) });
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" }).GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
        var call = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Demo.KnownCallerName });
        await Expect(call).ToContainTextAsync("Connected");
        // Talked for two seconds at least: whatever follows, the timer may not count from less.
        await Expect(call.Locator("time[aria-label='Call time']")).ToHaveTextAsync(TwoSecondsOrMore());

        var hold = call.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true });
        await hold.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("did not accept the hold");
        await Expect(call).ToContainTextAsync("Connected");
        await Expect(call).Not.ToContainTextAsync("On hold");
        await Expect(hold).ToBeEnabledAsync();
        var before = await PeerConnections.AudioAsync(page);
        var after = await PeerConnections.BothRiseAsync(page, before, Limit);
        Assert.True(after.Sent > before.Sent && after.Received > before.Received, $"audio stopped after the refused hold: {before} then {after}");
        await Screenshots.TakeAsync(page, "_refused");

        await hold.ClickAsync();
        await Expect(call).ToContainTextAsync("On hold");
        await call.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Expect(call).ToContainTextAsync("Connected");
        await Expect(call.Locator("time[aria-label='Call time']")).ToHaveTextAsync(TwoSecondsOrMore());
        await Screenshots.TakeAsync(page, "_resumed");

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        await Expect(call).ToHaveCountAsync(0);
        var row = Assert.Single(await CallLog.EndedAsync(page, caller.CallId, Limit));
        Assert.Equal("completed", row.EndReason);
    }

    [GeneratedRegex(@"^(0:0[2-9]|0:[1-5]\d|[1-9]\d*:\d\d|\d+:\d\d:\d\d)$")]
    private static partial Regex TwoSecondsOrMore();
}
