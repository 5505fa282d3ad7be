using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Call waiting in the browser: during a connected call a second outside caller (SIPp) rings as a
/// pop-up without breaking the first, whose media goes on; declined, it ends rejected; answered, the
/// first call goes on hold (its party accepts the re-INVITE) until the agent resumes it. Every call
/// is in the log with its own result.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class CallWaitingScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await rig.WaitForContactsAsync(Demo.LineA, 0, Limit);
    }

    [Fact]
    public async Task A_second_caller_rings_as_call_waiting_and_is_declined_or_answered_while_the_first_call_goes_on()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await rig.WaitForContactsAsync(Demo.LineA, 1, Limit);
        var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        var calls = page.GetByRole(AriaRole.Article);

        var talking = new SippOptions { Service = Demo.LineA, Hold = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(60), EchoesMedia = true };
        await using var first = await SippRun.StartAsync(rig, "outside-caller-held.xml", talking);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
        var firstCall = calls.First;
        await Expect(firstCall).ToContainTextAsync("Connected");
        await PeerConnections.BothRiseAsync(page, new AudioPackets(0, 0), Limit);

        // A caller the agent declines while talking. The first caller echoes the agent's audio besides
        // playing its recording, so its media lasts as long as its call.
        await using (var declined = await SippRun.StartAsync(rig, "outside-caller-declined.xml", new SippOptions { Service = Demo.LineA }))
        {
            await Expect(popup).ToBeVisibleAsync();
            await Expect(firstCall).ToContainTextAsync("Connected");
            await MediaGoesOnAsync(page);
            await Screenshots.TakeAsync(page, "_waiting");
            await popup.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
            Assert.True(await declined.SucceedsAsync(), declined.Report());
            await Expect(popup).ToHaveCountAsync(0);
            await Expect(firstCall).ToContainTextAsync("Connected");
            await MediaGoesOnAsync(page);
            var row = Assert.Single(await CallLog.EndedAsync(page, declined.CallId, Limit));
            Assert.Equal(("rejected", (DateTimeOffset?)null), (row.EndReason, row.AnsweredAt));
        }

        // A caller the agent answers: the first call waits on hold, and is resumed once the second ends.
        await using (var second = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.LineA, Hold = TimeSpan.FromSeconds(2) }))
        {
            await Expect(popup).ToBeVisibleAsync();
            await MediaGoesOnAsync(page);
            await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
            await Expect(firstCall).ToContainTextAsync("On hold");
            await Expect(calls.Nth(1)).ToContainTextAsync("Connected");
            await Screenshots.TakeAsync(page, "_answered");
            Assert.True(await second.SucceedsAsync(), second.Report());
            await Expect(calls).ToHaveCountAsync(1);
            var row = Assert.Single(await CallLog.EndedAsync(page, second.CallId, Limit));
            Assert.Equal("completed", row.EndReason);
        }

        await firstCall.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Expect(firstCall).ToContainTextAsync("Connected");
        await MediaGoesOnAsync(page);
        Assert.True(await first.SucceedsAsync(), first.Report());
        await Expect(calls).ToHaveCountAsync(0);
        var firstRow = Assert.Single(await CallLog.EndedAsync(page, first.CallId, Limit));
        Assert.Equal("completed", firstRow.EndReason);
        Assert.True(firstRow.StartedAt <= firstRow.AnsweredAt && firstRow.AnsweredAt < firstRow.EndedAt, $"times out of order: {firstRow}");
    }

    /// <summary>The page's audio goes on both ways (the connected call's: a ringing one has none yet).</summary>
    private static async Task MediaGoesOnAsync(IPage page)
    {
        var before = await PeerConnections.AudioAsync(page);
        var after = await PeerConnections.BothRiseAsync(page, before, Limit);
        Assert.True(after.Sent > before.Sent && after.Received > before.Received, $"the connected call's audio stopped: {before} then {after}");
    }
}
