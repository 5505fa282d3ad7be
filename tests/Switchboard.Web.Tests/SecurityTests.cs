using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

/// <summary>
/// The attacks of issue 13 played in Chromium: a page on another port of the same host is
/// same-site, so the browser gives its requests the signed-in agent's SameSite=Strict cookie. It
/// may not read the hub, log the agent out, cut the PBX link or frame the panel; and the panel
/// runs under its Content Security Policy.
/// </summary>
public class SecurityTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_same_site_page_cannot_read_the_agents_hub_with_the_cookie()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await using var site = await SameSitePage.StartAsync();
        var evil = await OpenAsync(a, site);

        var outcome = await evil.EvaluateAsync<string>("""
            (url) => new Promise((resolve) => {
              const socket = new WebSocket(url);
              let received = '';
              socket.onopen = () => socket.send('{"protocol":"json","version":1}\u001e');
              socket.onmessage = (e) => {
                received += e.data;
                if (received.includes('initialized')) { socket.close(); resolve('read: ' + received); }
              };
              socket.onerror = () => resolve('refused');
              socket.onclose = () => resolve('closed: ' + received);
            })
            """, $"ws://{server.BaseAddress.Authority}/hubs/cti");

        Assert.Equal("refused", outcome);
    }

    [Fact]
    public async Task A_same_site_page_can_neither_log_the_agent_out_nor_cut_the_pbx_link()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await using var site = await SameSitePage.StartAsync();
        var evil = await OpenAsync(a, site);

        await evil.EvaluateAsync("""
            async (server) => {
              for (const path of ['/api/simulator/link/down', '/api/auth/logout']) {
                await fetch(server + path, { method: 'POST', mode: 'no-cors', credentials: 'include' });
              }
            }
            """, server.BaseAddress.ToString().TrimEnd('/'));

        Assert.Contains(await a.Context.CookiesAsync(), c => c.Name == "switchboard.auth" && c.Value.Length > 0);
        await server.Pbx.GetActiveCallsAsync(CancellationToken.None).WaitAsync(Ui.Timeout);
        await a.Page.ReloadAsync();
        await Expect(a.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_same_site_page_cannot_frame_the_panel()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        await using var site = await SameSitePage.StartAsync($"<iframe title=\"panel\" src=\"{server.BaseAddress}\"></iframe>");

        // The page's load waits for its frame's.
        var evil = await OpenAsync(a, site);

        Assert.Contains("frame-ancestors 'none'", await a.ExpectCspViolationAsync("frame-ancestors"), StringComparison.Ordinal);
        var frame = Assert.Single(evil.Frames, f => f != evil.MainFrame);
        Assert.False(frame.Url.StartsWith(server.BaseAddress.ToString(), StringComparison.Ordinal), $"The panel loaded in the frame: {frame.Url}");
    }

    [Fact]
    public async Task An_inline_script_slipped_into_the_panel_does_not_run_and_is_reported()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);

        var ran = await a.Page.EvaluateAsync<bool>("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.__injected = true';
              document.body.append(script);
              return window.__injected === true;
            }
            """);

        Assert.False(ran);
        await a.ExpectCspViolationAsync("script-src");
    }

    [Fact]
    public async Task The_demo_agent_plays_a_call_to_their_line_from_the_simulator_card_and_has_no_link_button()
    {
        await using var a = await browser.SignInAsync(server, Demo.AgentA);
        var card = a.Page.GetByRole(AriaRole.Region, new() { Name = "Simulator demo" });

        await a.ClickAsync("Simulate incoming call", card);
        await Expect(a.IncomingPopup).ToContainTextAsync(Demo.KnownCallerName);
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new("^Simulator: Hang up ") }).ClickAsync();
        await Expect(a.IncomingPopup).ToHaveCountAsync(0);

        await Expect(a.Button("Cut the PBX link", card)).ToHaveCountAsync(0);
        await using var admin = await browser.SignInAsync(server, Demo.Administrator);
        await Expect(admin.Button("Cut the PBX link")).ToBeVisibleAsync();
    }

    // The attacker's page, in the agent's browser (their context, so their cookie).
    private static async Task<IPage> OpenAsync(Panel victim, SameSitePage site)
    {
        var page = await victim.Context.NewPageAsync();
        await page.GotoAsync(site.Address.ToString());
        return page;
    }
}
