using Microsoft.Playwright;
using Switchboard.Testing;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// Debian's Chromium through Playwright (its Node driver ships in the package; no browser is
/// downloaded), with fake camera and microphone, media allowed without a click, and ICE on loopback.
/// Each agent gets a browser context (cookies, tabs) of their own.
/// </summary>
public sealed class WebPhoneBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // --use-fake-*: a test tone and a test picture instead of devices, and no permission prompt.
    // --allow-loopback-in-peer-connection: without it a machine whose only network is loopback
    // gathers no ICE candidates and every call fails. --no-sandbox: the tests may run as root.
    private static readonly string[] Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
        "--allow-loopback-in-peer-connection",
    ];

    // Every refusal of the panel's Content Security Policy: Chromium writes each one to the console
    // ("... violates the following Content Security Policy directive ..."), and this script adds the
    // page's securitypolicyviolation events. CloseAllAsync fails the test when there were any.
    private const string CspViolationScript = """
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`));
        """;

    private readonly List<IBrowserContext> _open = [];
    private readonly List<string> _cspViolations = [];
    private IBrowser? _withoutMediaPermission;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (scripts/install-prerequisites.sh test does).");
        }

        // Expectations wait as long as actions: generous, as two cores are shared. Never a measurement.
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            Timeout = (float)Timeout.TotalMilliseconds,
        });
    }

    /// <summary>
    /// A new browser context for <paramref name="login"/>, signed in with the panel's cookie
    /// (<c>POST /api/auth/login?useCookie=true</c>), on the panel's page.
    /// </summary>
    public async Task<IPage> OpenPanelAsync(ServerFixture server, string login) => await OpenPanelAsync(server, login, Browser);

    /// <summary>
    /// As <see cref="OpenPanelAsync(ServerFixture, string)"/>, in a second Chromium that has the fake devices
    /// but not the fake permission prompt: headless, the prompt is refused, as when a person blocks the microphone.
    /// </summary>
    public async Task<IPage> OpenPanelWithMicrophoneRefusedAsync(ServerFixture server, string login)
    {
        _withoutMediaPermission ??= await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [.. Arguments.Where(a => a != "--use-fake-ui-for-media-stream")],
            Timeout = (float)Timeout.TotalMilliseconds,
        });
        return await OpenPanelAsync(server, login, _withoutMediaPermission);
    }

    /// <summary>As <see cref="OpenPanelAsync(ServerFixture, string)"/>, on any server, for any user (the live smoke's).</summary>
    public Task<IPage> OpenPanelAsync(Uri server, string login, string password) => OpenPanelAsync(server, login, password, Browser);

    private Task<IPage> OpenPanelAsync(ServerFixture server, string login, IBrowser chromium)
    {
        ArgumentNullException.ThrowIfNull(server);
        return OpenPanelAsync(server.BaseAddress, login, Demo.PasswordOf(login), chromium);
    }

    private async Task<IPage> OpenPanelAsync(Uri server, string login, string password, IBrowser chromium)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString() });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        await context.AddInitScriptAsync(PeerConnections.InitScript);
        await context.AddInitScriptAsync(CspViolationScript);
        context.Console += (_, message) => RecordCspViolation(message);
        _open.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var status = await page.EvaluateAsync<int>(
            "async ([login, password]) => (await fetch('/api/auth/login?useCookie=true', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }) })).status",
            new[] { login, password });
        if (status != 200)
        {
            throw new InvalidOperationException($"Signing {login} in answered {status}.");
        }

        await page.ReloadAsync();
        return page;
    }

    /// <summary>
    /// Closes every page opened so far as a person closes tabs (unload handlers run, so the web phone
    /// unregisters), then their contexts, so that the next test starts with no phone registered.
    /// Then fails when a page broke the panel's Content Security Policy meanwhile.
    /// </summary>
    public async Task CloseAllAsync()
    {
        foreach (var context in _open)
        {
            foreach (var page in context.Pages.ToList())
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }

            await context.CloseAsync();
        }

        _open.Clear();
        string[] violations;
        lock (_cspViolations)
        {
            violations = [.. _cspViolations];
            _cspViolations.Clear();
        }

        if (violations.Length > 0)
        {
            throw new InvalidOperationException(
                $"The panel broke its Content Security Policy:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    private void RecordCspViolation(IConsoleMessage message)
    {
        if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            lock (_cspViolations)
            {
                _cspViolations.Add(message.Text);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_withoutMediaPermission is not null)
        {
            await _withoutMediaPermission.CloseAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
