using Switchboard.Connectors.Asterisk.Live;

// Runs every live scenario against a Switchboard on the Asterisk connector and a running Asterisk; prints one
// line per scenario and exits non-zero when any failed. scripts/asterisk-live/smoke.sh starts the server.
var options = LiveOptions.From(args);
using var http = new HttpClient { BaseAddress = options.Server, Timeout = TimeSpan.FromSeconds(30) };
var run = new SmokeRun(options, http);
await run.RegisterPhonesAsync();
var failed = 0;
foreach (var (name, scenario) in Scenarios.All)
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

Console.WriteLine($"live smoke: {Scenarios.All.Count - failed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
