using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// The media settings an administrator gives a web-phone account reach the browser: keys by SIP
/// INFO arrive at SIPp as INFO requests (application/dtmf-relay), and the account's STUN server is
/// in the configuration of the call's RTCPeerConnection.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class AccountMediaScenarioTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public Task InitializeAsync() => server.UseRigAsync(rig);

    public async Task DisposeAsync()
    {
        await browser.CloseAllAsync();
        await server.PutSipAccountAsync(rig, Demo.AgentB);
        await rig.WaitForContactsAsync(Demo.LineB, 0, Limit);
    }

    [Fact]
    public async Task Keys_go_by_sip_info_and_the_stun_server_is_used_when_the_account_says_so()
    {
        // Nothing answers STUN there: the browser offers its host candidate after a short wait, as it would behind a silent STUN server.
        var stun = $"stun:127.0.0.1:{RigPorts.FreeUdpPort()}";
        await PutMediaSettingsAsync(Demo.AgentB, "info", stun);
        var page = await browser.OpenPanelAsync(server, Demo.AgentB);
        await rig.WaitForContactsAsync(Demo.LineB, 1, Limit);

        await using var caller = await SippRun.StartAsync(rig, "outside-caller-expects-info.xml", new SippOptions { Service = Demo.LineB, Hold = TimeSpan.FromSeconds(3) });
        await page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" }).GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
        var call = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = Demo.KnownCallerName });
        await Expect(call).ToContainTextAsync("Connected");
        var used = await page.EvaluateAsync<string[]>("() => (window.__switchboardPeerConnections ?? []).flatMap((c) => c.getConfiguration().iceServers ?? []).flatMap((s) => [].concat(s.urls))");
        Assert.Equal([stun], used);

        await call.GetByRole(AriaRole.Button, new() { Name = "Keypad" }).ClickAsync();
        await call.GetByRole(AriaRole.Button, new() { Name = "Key 5", Exact = true }).ClickAsync();

        // The caller's scenario passes only when an INFO with Signal=5 came.
        Assert.True(await caller.SucceedsAsync(), caller.Report());
        Assert.Equal("", await rig.Dtmf.KeysAsync(caller.CallId, 0, TimeSpan.FromSeconds(1)));
        Assert.Single(await CallLog.EndedAsync(page, caller.CallId, Limit));
    }

    /// <summary>Gives <paramref name="login"/> their rig account with the DTMF transport and one STUN server, through the API as an administrator.</summary>
    private async Task PutMediaSettingsAsync(string login, string dtmfTransport, string stunUrl)
    {
        using var admin = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeouts.Step };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.LoginAsync("admin", Demo.PasswordOf("admin")));
        var user = (await admin.GetFromJsonAsync<List<UserJson>>("/api/users") ?? []).Single(u => u.Login == login);
        var line = user.Lines.Single();
        var sip = rig.User(line);
        using var answer = await admin.PutAsJsonAsync($"/api/users/{user.Id}/sip-account", new
        {
            address = $"sip:{line}@{RigConfig.Domain}",
            authUser = sip.Name,
            password = sip.Password,
            webSocketUrl = rig.WebSocketUrl.ToString(),
            displayName = user.DisplayName,
            dtmfTransport,
            iceServers = new[] { new { urls = new[] { stunUrl } } },
        });
        answer.EnsureSuccessStatusCode();
    }

    private sealed record UserJson(Guid Id, string Login, string DisplayName, List<string> Lines);
}
