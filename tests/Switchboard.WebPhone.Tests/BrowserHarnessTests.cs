using Switchboard.Testing;
using Switchboard.WebPhone.Tests.Infrastructure;

namespace Switchboard.WebPhone.Tests;

/// <summary>
/// The browser side of the harness, before any web-phone code: the real server gives a signed-in
/// agent's page the webPhone style and the SIP account on the rig, and Chromium reaches the rig's
/// SIP WebSocket and gets the fake microphone and camera.
/// </summary>
[Collection(SharedSipRig.Name)]
public sealed class BrowserHarnessTests(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser) : IClassFixture<WebPhoneServer>, IClassFixture<WebPhoneBrowser>, IAsyncLifetime
{
    public Task InitializeAsync() => server.UseRigAsync(rig);

    // Each test closes its own page; this checks that none broke the panel's Content Security Policy.
    public Task DisposeAsync() => browser.CloseAllAsync();

    [Fact]
    public async Task A_web_phone_agents_page_gets_the_web_phone_style_and_the_sip_account_on_the_rig()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentA);

        var seen = await page.EvaluateAsync<string[]>("""
            async () => {
              const me = await (await fetch('/api/me')).json();
              const sip = await (await fetch('/api/me/sip-account')).json();
              return [me.phoneStyle, sip.address, sip.authUser, sip.password, sip.webSocketUrl];
            }
            """);

        Assert.Equal(["webPhone", $"sip:{Demo.LineA}@{RigConfig.Domain}", Demo.LineA, rig.User(Demo.LineA).Password, rig.WebSocketUrl.ToString()], seen);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_opens_a_sip_websocket_to_the_rig_and_gets_the_fake_microphone_and_camera()
    {
        var page = await browser.OpenPanelAsync(server, Demo.AgentB);

        var seen = await page.EvaluateAsync<string[]>("""
            async (url) => {
              const protocol = await new Promise((resolve, reject) => {
                const socket = new WebSocket(url, 'sip');
                socket.onopen = () => { resolve(socket.protocol); socket.close(); };
                socket.onerror = () => reject(new Error('the WebSocket to ' + url + ' failed'));
              });
              const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
              const kinds = media.getTracks().map(t => t.kind).sort().join(',');
              media.getTracks().forEach(t => t.stop());
              return [protocol, kinds];
            }
            """, rig.WebSocketUrl.ToString());

        Assert.Equal(["sip", "audio,video"], seen);
        await page.Context.CloseAsync();
    }
}
