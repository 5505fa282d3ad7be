using System.Runtime.InteropServices;
using Switchboard.WebPhone.Rig;
using Switchboard.WebPhoneBench.Probes;
using Switchboard.WebPhoneBench.Reporting;
using Switchboard.WebPhoneBench.Rounds;

namespace Switchboard.WebPhoneBench;

/// <summary>
/// One run of the measurements on a started rig, server and browser (the tool's Program starts them;
/// the smoke test lends the tests' own): registration rounds, outgoing and incoming call rounds, then
/// the same panel on the hub. Each quantity is summarised over its rounds.
/// </summary>
internal sealed class WebPhoneBenchRun(SipRig rig, WebPhoneServer server, WebPhoneBrowser browser, BenchOptions options, TextWriter progress)
{
    /// <summary>The report's rows, in order.</summary>
    public static readonly IReadOnlyList<string> RowKeys =
        ["loadToRegistered", "outgoingInviteToMedia", "outgoingClickToMedia", "incomingAnswerToMedia", "idleHeapWebPhone", "idleHeapHub"];

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        await server.UseRigAsync(rig);
        var tab = await browser.OpenPanelAsync(server, BenchPage.Login);
        // From the next navigation on: every round that measures a page load reloads it.
        await tab.Context.AddInitScriptAsync(WebPhoneMarks.InitScript);
        var bench = new BenchPage(rig, server, tab, options, progress);

        var registration = await RegistrationRounds.RunAsync(bench, cancellationToken);
        var outgoing = await OutgoingCallRounds.RunAsync(bench, cancellationToken);
        var incoming = await IncomingCallRounds.AnswerToMediaMsAsync(bench, cancellationToken);
        var hub = await HubRounds.IdleHeapMiBAsync(bench, cancellationToken);

        IReadOnlyList<BenchRow> rows =
        [
            new(RowKeys[0], "page load (navigation start) to registered, digest authentication included", "ms", registration.LoadToRegisteredMs),
            new(RowKeys[1], "outgoing call: INVITE sent to media flowing", "ms", outgoing.InviteToMediaMs),
            new(RowKeys[2], "outgoing call: click on Call to media flowing", "ms", outgoing.ClickToMediaMs),
            new(RowKeys[3], "incoming call (SIPp calling): click on Answer to media flowing", "ms", incoming),
            new(RowKeys[4], "JS heap after garbage collection, idle panel, web phone registered", "MiB", registration.IdleHeapMiB),
            new(RowKeys[5], "JS heap after garbage collection, idle panel, same agent on the hub (third-party)", "MiB", hub),
        ];
        var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, load average {loadAtStart} at the start, {LoadAverage()} at the end";
        return new BenchReport(startedAt, options.Rounds, machine, $"Chromium {browser.Browser.Version}", rows);
    }

    // Linux's 1-, 5- and 15-minute load averages: how busy the machine was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
