using Microsoft.Playwright;
using Switchboard.Testing;

namespace Switchboard.Web.Tests;

/// <summary>
/// One Debian Chromium per test class, driven by Playwright's Node driver (shipped in the package,
/// .playwright/ next to the tests). No browser is downloaded: the system's Chromium is launched.
/// Each signed-in user gets a browser context of their own (<see cref="Panel"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // --no-sandbox: the tests may run as root. The background-networking flags keep Chromium from
    // calling home, which on a closed network only fills the log with failures.
    private static readonly string[] ChromiumArguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's chromium package (scripts/install-prerequisites.sh test does).");
        }

        Assertions.SetDefaultExpectTimeout((float)Ui.Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            Timeout = (float)Ui.Timeout.TotalMilliseconds,
        });
    }

    /// <summary>Opens the panel in a new browser context (its own cookies) and signs <paramref name="login"/> in.</summary>
    public Task<Panel> SignInAsync(ServerFixture server, string login, string route = "#/") => Panel.SignInAsync(Browser, server, login, route);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
