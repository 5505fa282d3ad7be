using Microsoft.Playwright;
using Switchboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Web.Tests;

/// <summary>
/// One signed-in user's panel: a browser context of its own (so its own sign-in cookie) with one
/// page, found by roles and accessible names as a person or a screen reader would find them.
/// </summary>
public sealed class Panel : IAsyncDisposable
{
    // Remembers every pop-up and banner text the page ever showed, so a test can tell that something
    // never appeared (or appeared only briefly) without watching the page at the right moment.
    private const string Recorder = """
        window.__switchboardSeen = [];
        new MutationObserver(() => {
          for (const element of document.querySelectorAll('[role=dialog], .banner')) {
            const text = element.textContent.trim();
            if (text && !window.__switchboardSeen.includes(text)) window.__switchboardSeen.push(text);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`));
        """;

    // Chromium writes every refusal of the Content Security Policy to the console ("... violates the
    // following Content Security Policy directive ..."), and the recorder adds the page's
    // securitypolicyviolation events; both name the policy.
    private const string CspMark = "Content Security Policy";

    private readonly List<string> _hubTraffic = [];
    private readonly List<string> _cspViolations = [];
    private readonly List<string> _expectedViolations = [];
    private TaskCompletionSource _cspViolated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Panel(IBrowserContext context, IPage page, string login)
    {
        Context = context;
        Page = page;
        Login = login;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string Login { get; }

    /// <summary>The incoming call pop-up (its title starts "Incoming call").</summary>
    public ILocator IncomingPopup => Page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });

    /// <summary>The banner that says the panel cannot act (the server or the phone system is away).</summary>
    public ILocator ConnectionBanner => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection to the server lost" });

    /// <summary>The list of calls in progress (not the ringing ones, which pop up).</summary>
    public ILocator CallsInProgress => Page.GetByRole(AriaRole.Region, new() { Name = "Calls in progress" });

    public static async Task<Panel> SignInAsync(IBrowser browser, ServerFixture server, string login, string route)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1200, Height = 760 },
            Locale = "en-GB",
            TimezoneId = "Europe/Moscow",
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout((float)Ui.Timeout.TotalMilliseconds);
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        var panel = new Panel(context, page, login);
        context.Console += (_, message) => panel.RecordConsole(message);
        page.WebSocket += (_, socket) => panel.RecordHubTraffic("WEBSOCKET " + socket.Url);
        page.Request += (_, request) => panel.RecordHubTraffic($"{request.Method} {request.Url} {request.Headers.GetValueOrDefault("accept")}");
        await page.GotoAsync("/" + route);
        await page.GetByLabel("Login").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(Demo.PasswordOf(login));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in and connected to the hub: the screen-reader status says so.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Connected" }).First).ToBeAttachedAsync();
        return panel;
    }

    /// <summary>
    /// What the page sent to the hub since it opened, one line each: <c>WEBSOCKET url</c> for a
    /// WebSocket, <c>METHOD url accept</c> for a request (the negotiation, polls, a Server-Sent Events stream).
    /// </summary>
    public IReadOnlyList<string> HubTraffic
    {
        get
        {
            lock (_hubTraffic)
            {
                return [.. _hubTraffic];
            }
        }
    }

    private void RecordHubTraffic(string line)
    {
        if (line.Contains("/hubs/cti", StringComparison.Ordinal))
        {
            lock (_hubTraffic)
            {
                _hubTraffic.Add(line);
            }
        }
    }

    /// <summary>
    /// For a test that breaks the Content Security Policy on purpose: violations whose report holds
    /// <paramref name="mark"/> (a directive, such as <c>frame-ancestors</c>) no longer fail the test.
    /// Waits until the first of them is reported (the console reaches the test a moment after the
    /// page) and returns it.
    /// </summary>
    public async Task<string> ExpectCspViolationAsync(string mark)
    {
        lock (_cspViolations)
        {
            _expectedViolations.Add(mark);
        }

        using var timeout = new CancellationTokenSource(Ui.Timeout);
        while (true)
        {
            Task next;
            lock (_cspViolations)
            {
                if (_cspViolations.FirstOrDefault(v => v.Contains(mark, StringComparison.Ordinal)) is { } seen)
                {
                    return seen;
                }

                next = _cspViolated.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No Content Security Policy violation naming {mark} was reported within {Ui.Timeout.TotalSeconds} s.");
            }
        }
    }

    private void RecordConsole(IConsoleMessage message)
    {
        if (message.Type == "error" && message.Text.Contains(CspMark, StringComparison.Ordinal))
        {
            lock (_cspViolations)
            {
                _cspViolations.Add(message.Text);
                _cspViolated.TrySetResult();
                _cspViolated = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>A call in progress, by the name in its title ("Ivan Sidorov · +74951234567").</summary>
    public ILocator Call(string name) => CallsInProgress.GetByRole(AriaRole.Article, new() { Name = name });

    public ILocator Button(string name, ILocator? within = null) =>
        (within ?? Page.Locator(":root")).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public Task ClickAsync(string button, ILocator? within = null) => Button(button, within).ClickAsync();

    /// <summary>Waits until the page shows <paramref name="route"/> (#/calls...) after following it.</summary>
    public async Task GoToAsync(string route)
    {
        await Page.EvaluateAsync("route => { window.location.hash = route; }", route);
    }

    /// <summary>Every pop-up and banner text this page has shown since it opened.</summary>
    public async Task<IReadOnlyList<string>> SeenAsync() => await Page.EvaluateAsync<string[]>("() => window.__switchboardSeen");

    /// <summary>Saves a picture of the page as artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Ui.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Ui.ScreenshotPath(name), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>Closes the panel's browser context; fails when its pages broke the Content Security Policy.</summary>
    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        List<string> violations;
        lock (_cspViolations)
        {
            violations = [.. _cspViolations.Where(v => !_expectedViolations.Any(mark => v.Contains(mark, StringComparison.Ordinal)))];
        }

        Assert.True(violations.Count == 0, $"The panel of {Login} broke its Content Security Policy:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
