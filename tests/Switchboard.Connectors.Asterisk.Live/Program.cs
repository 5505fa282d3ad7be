using Switchboard.Connectors.Asterisk.Live;
using Switchboard.WebPhone.Rig;

// Runs every live scenario against a Switchboard on the Asterisk connector and a running Asterisk; prints one
// line per scenario and exits non-zero when any failed. scripts/asterisk-live/smoke.sh starts the server.
var options = LiveOptions.From(args);
using var http = new HttpClient { BaseAddress = options.Server, Timeout = TimeSpan.FromSeconds(30) };
var run = new SmokeRun(options, http);
await run.RegisterPhonesAsync();
var failed = 0;
// SMOKE_ONLY=<words> runs only the scenarios whose name contains them ("web" the web phone alone).
var only = Environment.GetEnvironmentVariable("SMOKE_ONLY");
var scenarios = only is null ? Scenarios.All : [.. Scenarios.All.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
foreach (var (name, scenario) in scenarios)
{
    var started = DateTime.UtcNow;
    try
    {
        await scenario(run);
        Console.WriteLine($"PASS  {name} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)");
    }
    catch (Exception error) when (error is InvalidOperationException or TimeoutException or OperationCanceledException or HttpRequestException
        or Microsoft.AspNetCore.SignalR.HubException or Xunit.Sdk.XunitException)
    {
        failed++;
        Console.WriteLine($"FAIL  {name}: {error.Message}");
    }

    // Asterisk finishes hanging up the last call's channels before the next one starts.
    await Task.Delay(TimeSpan.FromSeconds(2));
}

var total = scenarios.Count;
if (Environment.GetEnvironmentVariable("SMOKE_WEB_PHONE") is not "0" && (only is null || "web phone".Contains(only, StringComparison.OrdinalIgnoreCase))
    && File.Exists(WebPhoneBrowser.ChromiumPath))
{
    total++;
    const string name = "web phone on Asterisk's WebSocket: one row per call";
    try
    {
        await WebPhoneScenario.RunAsync(run, http, "201", Environment.GetEnvironmentVariable("SMOKE_PASSWORD_201") ?? "pw201",
            Environment.GetEnvironmentVariable("SMOKE_WEB_SOCKET") ?? "ws://127.0.0.1:8089/ws");
        Console.WriteLine($"PASS  {name}");
    }
    catch (Exception error) when (error is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.Playwright.PlaywrightException)
    {
        failed++;
        Console.WriteLine($"FAIL  {name}: {error.Message}");
    }
}
else
{
    Console.WriteLine("SKIP  web phone (SMOKE_WEB_PHONE=0, or no /usr/bin/chromium)");
}

Console.WriteLine($"live smoke: {total - failed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
