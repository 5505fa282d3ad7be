using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// Two agents' browsers (two contexts, each its own phone) call each other through Kamailio, with
/// rtpengine between the two WebRTC legs.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class AgentToAgentScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    // The other side's picture has arrived once its <video> knows its size.
    private const string PictureArrived = "(label) => { const video = document.querySelector(`video[aria-label='${label}']`); return !!video && video.videoWidth > 0 && video.readyState >= 2; }";

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        foreach (var line in new[] { Demo.LineA, Demo.LineB })
        {
            await rig.WaitForContactsAsync(line, 0, Limit);
        }
    }

    [Fact]
    public async Task A_video_call_from_agent_to_agent_shows_both_pictures_on_both_sides_with_audio_both_ways()
    {
        var a = await browser.OpenPanelAsync(server, Demo.AgentA);
        var b = await browser.OpenPanelAsync(server, Demo.AgentB);
        await rig.WaitForContactsAsync(Demo.LineA, 1, Limit);
        await rig.WaitForContactsAsync(Demo.LineB, 1, Limit);

        await a.GetByLabel("Number or line").FillAsync(Demo.LineB);
        await a.GetByRole(AriaRole.Button, new() { Name = "Video call", Exact = true }).ClickAsync();
        var popup = b.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
        await Expect(popup).ToContainTextAsync(Demo.LineA);
        await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();

        foreach (var (page, other) in new[] { (a, Demo.LineB), (b, Demo.LineA) })
        {
            var video = page.GetByRole(AriaRole.Region, new() { Name = "Video" });
            await Expect(video.Locator($"video[aria-label='Video from {other}']")).ToBeAttachedAsync();
            await Expect(video.Locator("video[aria-label='Your camera']")).ToBeAttachedAsync();
            await page.WaitForFunctionAsync(PictureArrived, $"Video from {other}", new() { Timeout = (float)Limit.TotalMilliseconds, PollingInterval = 100 });
            var first = await PeerConnections.BothRiseAsync(page, new AudioPackets(0, 0), Limit);
            var later = await PeerConnections.BothRiseAsync(page, first, Limit);
            Assert.True(later.Sent > first.Sent && later.Received > first.Received, $"audio packets did not rise both ways: {first} then {later}");
        }

        await Screenshots.TakeAsync(a, "_caller");
        await Screenshots.TakeAsync(b, "_called");
        await a.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();
        await Expect(b.GetByRole(AriaRole.Region, new() { Name = "Calls in progress" })).ToContainTextAsync("No call right now.");
        await Expect(b.GetByRole(AriaRole.Region, new() { Name = "Video" })).ToHaveCountAsync(0);
    }
}
