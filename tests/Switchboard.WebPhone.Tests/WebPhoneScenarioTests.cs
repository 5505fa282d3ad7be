using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// The web phone end to end, written against issue 7's contract and the panel's roles (the panel
/// does not change with the phone style): Chromium registers through the rig, SIPp plays the outside
/// world, rtpengine's statistics and DTMF log show what went through the media path, Kamailio's
/// registrations show how many phones an agent has.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class WebPhoneScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

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
    public async Task An_outside_caller_rings_the_agent_who_answers_with_media_both_ways_and_keys_reaching_the_caller()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await WaitForContactsAsync(Demo.LineA, 1);

        await using var caller = await SippRun.StartAsync(rig, "outside-caller-held.xml", new SippOptions { Service = Demo.LineA, Hold = TimeSpan.FromSeconds(6) });
        var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await Expect(popup).ToContainTextAsync(Demo.KnownCallerName);
        await Screenshots.TakeAsync(page, "_ringing");
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

        var call = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Demo.KnownCallerName });
        await Expect(call).ToContainTextAsync("Connected");
        var legs = await MediaBothWaysAsync(caller.CallId);
        Assert.All(legs, leg => Assert.True(leg.RtpPackets > 0, $"no RTP from {leg.Tag}"));
        var first = await PeerConnections.BothRiseAsync(page, new AudioPackets(0, 0), Limit);
        var later = await PeerConnections.BothRiseAsync(page, first, Limit);
        Assert.True(later.Sent > first.Sent && later.Received > first.Received, $"audio packets did not rise both ways: {first} then {later}");

        await call.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true }).ClickAsync();
        await Expect(call).ToContainTextAsync("On hold");
        await call.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
        await Expect(call).ToContainTextAsync("Connected");

        await call.GetByRole(AriaRole.Button, new() { Name = "Keypad" }).ClickAsync();
        await call.GetByRole(AriaRole.Button, new() { Name = "Key 5", Exact = true }).ClickAsync();
        Assert.Equal("5", await rig.Dtmf.KeysAsync(caller.CallId, 1, Limit));
        await Screenshots.TakeAsync(page, "_connected");

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        await Expect(call).ToHaveCountAsync(0);
        var rows = await CallLog.EndedAsync(page, caller.CallId, Limit);
        var row = Assert.Single(rows);
        Assert.Equal(("incoming", Demo.LineA, "completed", Demo.KnownCallerName), (row.Direction, row.Line, row.EndReason, row.ContactName));
        Assert.True(row.StartedAt <= row.AnsweredAt && row.AnsweredAt < row.EndedAt, $"times out of order: {row}");
    }

    [Fact]
    public async Task A_click_to_call_to_a_busy_party_ends_busy()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await WaitForContactsAsync(Demo.LineA, 1);
        await using var busy = await SippRun.StartAsync(rig, "busy.xml", new SippOptions { Service = Demo.DialledContact, LocalPort = rig.Ports.Trunk, SendsToProxy = false });

        await page.GetByLabel("Number or line").FillAsync(Demo.DialledContact);
        await page.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();

        Assert.True(await busy.SucceedsAsync(), busy.Report());
        var newest = page.GetByRole(AriaRole.List, new() { Name = "Recent calls" }).GetByRole(AriaRole.Listitem).First;
        await Expect(newest).ToContainTextAsync(Demo.DialledContactName);
        await Expect(newest).ToContainTextAsync("Busy");
        await Screenshots.TakeAsync(page);
    }

    [Fact]
    public async Task Two_tabs_of_one_agent_make_one_registration_and_one_ring()
    {
        var first = await browser.OpenPanelAsync(server, Demo.AgentB);
        await WaitForContactsAsync(Demo.LineB, 1);

        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your phone is in another tab" })).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "This tab is your phone" })).ToBeVisibleAsync();
        Assert.Single(await rig.ContactsAsync(Demo.LineB, CancellationToken.None));

        // One ring: the caller's INVITE reaches one contact, and only the phone tab makes a peer connection.
        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.LineB, Hold = TimeSpan.FromSeconds(2) });
        var popup = second.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await Expect(popup).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(second, "_second_tab");
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.Equal(0, await second.EvaluateAsync<int>("() => (window.__switchboardPeerConnections ?? []).length"));
        Assert.Equal(1, await first.EvaluateAsync<int>("() => (window.__switchboardPeerConnections ?? []).length"));
        Assert.Single(await rig.ContactsAsync(Demo.LineB, CancellationToken.None));
        Assert.Single(await CallLog.EndedAsync(first, caller.CallId, Limit));
    }

    [Fact]
    public async Task When_the_phone_tab_closes_the_other_tab_takes_the_phone_over_and_rings()
    {
        var first = await browser.OpenPanelAsync(server, Demo.AgentB);
        await WaitForContactsAsync(Demo.LineB, 1);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Your phone is in another tab" })).ToBeVisibleAsync();

        // The tab holding the phone goes away: the other one gets the lock (Web Locks), registers once, and is the phone.
        var closedTabs = await rig.ContactsAsync(Demo.LineB, CancellationToken.None);
        await first.CloseAsync();
        await Expect(second.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "This tab is your phone" })).ToBeVisibleAsync();

        // One contact, and the new tab's: Kamailio may still hold the closed tab's for a moment, and a call would ring there.
        await WaitForContactsAsync(Demo.LineB, 1);
        using (var limit = new CancellationTokenSource(Limit))
        {
            while ((await rig.ContactsAsync(Demo.LineB, limit.Token)) is var contacts && (contacts.Count != 1 || closedTabs.Contains(contacts[0])))
            {
                await Task.Delay(100, limit.Token);
            }
        }

        await using var caller = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.LineB, Hold = TimeSpan.FromSeconds(2) });
        var popup = second.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await Expect(popup).ToBeVisibleAsync();
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.Equal(1, await second.EvaluateAsync<int>("() => (window.__switchboardPeerConnections ?? []).length"));
        Assert.Single(await rig.ContactsAsync(Demo.LineB, CancellationToken.None));
        Assert.Single(await CallLog.EndedAsync(second, caller.CallId, Limit));
    }

    [Fact]
    public async Task Kamailio_stopped_and_started_again_the_phone_registers_by_itself_and_takes_the_next_call()
    {
        var page = await browser.OpenPanelAsync(server, Demo.Supervisor);
        await WaitForContactsAsync(Demo.SupervisorLine, 1);
        await using (var during = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.SupervisorLine, Hold = TimeSpan.FromSeconds(30) }))
        {
            await page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" }).GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Demo.KnownCallerName })).ToContainTextAsync("Connected");

            await rig.StopKamailioAsync();
            try
            {
                await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Connection to the server lost" })).ToBeVisibleAsync();
                await Screenshots.TakeAsync(page, "_disconnected");
            }
            finally
            {
                await rig.StartKamailioAsync();
            }
        }

        // The call outlived the SIP server's restart in the panel (its media never went through Kamailio);
        // the caller is gone, so the agent ends it.
        await WaitForContactsAsync(Demo.SupervisorLine, 1);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Connected" }).First).ToBeAttachedAsync();
        var stale = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Demo.KnownCallerName });
        await stale.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();
        await Expect(stale).ToHaveCountAsync(0);

        await using var next = await SippRun.StartAsync(rig, "outside-caller.xml", new SippOptions { Service = Demo.SupervisorLine, Hold = TimeSpan.FromSeconds(2) });
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" }).GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
        Assert.True(await next.SucceedsAsync(), next.Report());
        Assert.Single(await CallLog.EndedAsync(page, next.CallId, Limit));
        await Screenshots.TakeAsync(page, "_next_call");
    }

    private Task WaitForContactsAsync(string user, int count) => rig.WaitForContactsAsync(user, count, Limit);

    private async Task<IReadOnlyList<LegPackets>> MediaBothWaysAsync(string callId)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (true)
        {
            var legs = await rig.Media.QueryAsync(callId, limit.Token);
            if (legs.Count == 2 && legs.All(l => l.RtpPackets > 0))
            {
                return legs;
            }

            await Task.Delay(100, limit.Token);
        }
    }
}
