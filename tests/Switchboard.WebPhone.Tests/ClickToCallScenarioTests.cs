using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Click-to-call from the panel through the web phone to an outside number, which Kamailio sends to
/// the trunk where SIPp plays the called party: answered, never picked up, and given up by the agent
/// while it rings; each ends with one row in the call log with the result it deserves.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class ClickToCallScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private const string Title = $"{Demo.DialledContactName} · {Demo.DialledContact}";

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        foreach (var line in new[] { Demo.LineA, Demo.LineB, Demo.SupervisorLine })
        {
            await rig.WaitForContactsAsync(line, 0, Limit);
        }
    }

    [Fact]
    public async Task An_answered_click_to_call_has_media_both_ways_and_is_logged_completed()
    {
        var page = await OpenAsync();
        var before = await CallLog.IdsAsync(page);
        await using var party = await SippRun.StartAsync(rig, "answering-party.xml", new SippOptions { Service = Demo.DialledContact, LocalPort = rig.Ports.Trunk, SendsToProxy = false, EchoesMedia = true });

        var call = await DialAsync(page);
        await Expect(call).ToContainTextAsync("Connected");
        var first = await PeerConnections.BothRiseAsync(page, new AudioPackets(0, 0), Limit);
        var later = await PeerConnections.BothRiseAsync(page, first, Limit);
        Assert.True(later.Sent > first.Sent && later.Received > first.Received, $"audio packets did not rise both ways: {first} then {later}");
        await Screenshots.TakeAsync(page);
        await call.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();

        Assert.True(await party.SucceedsAsync(), party.Report());
        var row = Assert.Single(await CallLog.NewEndedAsync(page, before, Limit));
        Assert.Equal(("outgoing", Demo.DialledContact, "completed", Demo.DialledContactName), (row.Direction, row.CalleeNumber, row.EndReason, row.ContactName));
        Assert.True(row.StartedAt <= row.AnsweredAt && row.AnsweredAt < row.EndedAt, $"times out of order: {row}");
    }

    [Fact]
    public async Task A_click_to_call_nobody_picks_up_is_logged_missed()
    {
        var page = await OpenAsync();
        var before = await CallLog.IdsAsync(page);
        await using var party = await SippRun.StartAsync(rig, "not-answering-gives-up.xml", new SippOptions { Service = Demo.DialledContact, LocalPort = rig.Ports.Trunk, SendsToProxy = false, Hold = TimeSpan.FromSeconds(3) });

        var call = await DialAsync(page);
        await Expect(call).ToContainTextAsync("Ringing");
        await Screenshots.TakeAsync(page);

        Assert.True(await party.SucceedsAsync(), party.Report());
        await Expect(call).ToHaveCountAsync(0);
        var row = Assert.Single(await CallLog.NewEndedAsync(page, before, Limit));
        Assert.Equal(("outgoing", Demo.DialledContact, "missed", (DateTimeOffset?)null), (row.Direction, row.CalleeNumber, row.EndReason, row.AnsweredAt));
    }

    [Fact]
    public async Task A_click_to_call_the_agent_gives_up_while_it_rings_is_cancelled_and_logged_abandoned()
    {
        var page = await OpenAsync();
        var before = await CallLog.IdsAsync(page);
        await using var party = await SippRun.StartAsync(rig, "not-answering.xml", new SippOptions { Service = Demo.DialledContact, LocalPort = rig.Ports.Trunk, SendsToProxy = false });

        var call = await DialAsync(page);
        await Expect(call).ToContainTextAsync("Ringing");
        await Screenshots.TakeAsync(page);
        await call.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();

        // The party's scenario passes only when a CANCEL came.
        Assert.True(await party.SucceedsAsync(), party.Report());
        await Expect(call).ToHaveCountAsync(0);
        var row = Assert.Single(await CallLog.NewEndedAsync(page, before, Limit));
        Assert.Equal(("outgoing", Demo.DialledContact, "abandoned", (DateTimeOffset?)null), (row.Direction, row.CalleeNumber, row.EndReason, row.AnsweredAt));
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await rig.WaitForContactsAsync(Demo.LineA, 1, Limit);
        return page;
    }

    private static async Task<ILocator> DialAsync(IPage page)
    {
        await page.GetByLabel("Number or line").FillAsync(Demo.DialledContact);
        await page.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        return page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Title });
    }
}
