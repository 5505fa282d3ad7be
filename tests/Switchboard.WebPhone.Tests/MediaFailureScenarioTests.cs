using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// An ICE failure provoked through the rig: the agent calls a number that Kamailio sends to the trunk
/// without rtpengine (000...), where SIPp answers as a WebRTC party whose one candidate nobody
/// answers. The browser's ICE fails on an answered call: the panel says so in words, the phone
/// hangs up (the party gets its BYE), the call is logged failed, and nothing stays behind.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class MediaFailureScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    // Chromium gives up on ICE checks nobody answers after some seconds; generous on a busy machine.
    private static readonly TimeSpan IceLimit = TimeSpan.FromSeconds(60);

    private const string Unreachable = "00084951112233";

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await rig.WaitForContactsAsync(Demo.LineA, 0, Limit);
    }

    [Fact]
    public async Task An_ice_failure_on_an_answered_call_is_explained_and_the_call_ends_failed_with_nothing_left()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);
        await rig.WaitForContactsAsync(Demo.LineA, 1, Limit);
        var before = await CallLog.IdsAsync(page);
        await using var party = await SippRun.StartAsync(rig, "answering-party-unreachable-media.xml", new SippOptions { Service = Unreachable, LocalPort = rig.Ports.Trunk, SendsToProxy = false, Timeout = IceLimit });

        await page.GetByLabel("Number or line").FillAsync(Unreachable);
        await page.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        var call = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Unreachable });
        await Expect(call).ToContainTextAsync("Connected");

        try
        {
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be connected (ICE or DTLS failed)", new() { Timeout = (float)IceLimit.TotalMilliseconds });
        }
        catch (PlaywrightException e)
        {
            var connections = await page.EvaluateAsync<string>("() => JSON.stringify((window.__switchboardPeerConnections ?? []).map((c) => [c.connectionState, c.iceConnectionState, c.signalingState]))");
            throw new InvalidOperationException($"No ICE failure was told; the page's peer connections (connection, ICE, signalling state): {connections}", e);
        }
        await Screenshots.TakeAsync(page);
        Assert.True(await party.SucceedsAsync(), party.Report());
        await Expect(call).ToHaveCountAsync(0);
        var row = Assert.Single(await CallLog.NewEndedAsync(page, before, Limit));
        Assert.Equal(("outgoing", Unreachable, "failed"), (row.Direction, row.CalleeNumber, row.EndReason));

        // Nothing stale: no open peer connection, the line free to dial, and the panel still working.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => (window.__switchboardPeerConnections ?? []).filter((c) => c.connectionState !== 'closed').length"));
        await page.GetByLabel("Number or line").FillAsync(Demo.DialledContact);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true })).ToBeEnabledAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recent calls" })).ToBeVisibleAsync();
    }
}
