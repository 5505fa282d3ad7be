using System.Runtime.InteropServices;
using Switchboard.WebPhone.Rig;
using Switchboard.WebPhoneBench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Ctrl+C, or a TERM to a run in the background: finish the round in progress, report what was measured, stop the rig.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// Standard output carries the table alone: the server's log lines and the progress go to standard error.
var table = Console.Out;
Console.SetOut(Console.Error);

var rig = new SipRig();
var server = new WebPhoneServer();
var browser = new WebPhoneBrowser();
try
{
    await rig.InitializeAsync();
    await server.InitializeAsync();
    await browser.InitializeAsync();
    var report = await new WebPhoneBenchRun(rig, server, browser, options, Console.Error).RunAsync(stop.Token);
    await table.WriteAsync(report.ToMarkdown());
    await table.FlushAsync();
    if (options.JsonFile is { } json)
    {
        await File.WriteAllTextAsync(json, report.ToJson());
    }
}
finally
{
    await browser.DisposeAsync();
    await server.DisposeAsync();
    await rig.DisposeAsync();
}

return 0;
