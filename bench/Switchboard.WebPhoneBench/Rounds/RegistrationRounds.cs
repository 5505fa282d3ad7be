using Switchboard.WebPhoneBench.Probes;

namespace Switchboard.WebPhoneBench.Rounds;

/// <summary>What the registration rounds measured: load to registered, and the idle heap with the phone registered.</summary>
internal sealed record RegistrationSamples(IReadOnlyList<double> LoadToRegisteredMs, IReadOnlyList<double> IdleHeapMiB);

/// <summary>
/// Each round reloads the panel and takes the time from the navigation's start to the 200 that
/// answers the web phone's REGISTER (after the digest challenge), then lets the registered panel
/// idle and reads its heap after a garbage collection.
/// </summary>
internal static class RegistrationRounds
{
    public static async Task<RegistrationSamples> RunAsync(BenchPage bench, CancellationToken cancellationToken)
    {
        List<double> registered = [];
        List<double> heap = [];
        for (var round = 1; round <= bench.Options.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            await bench.ReloadAsync();
            // A new page: its marks and its clock start at this navigation.
            var mark = await WebPhoneMarks.WaitForAsync(bench.Tab, "registered", 0, BenchPage.Limit);
            registered.Add(mark.At);
            // The page before it has unregistered: one phone, as in use.
            await bench.Rig.WaitForContactsAsync(BenchPage.Line, 1, BenchPage.Limit);
            await Task.Delay(bench.Options.Idle, CancellationToken.None);
            heap.Add(await JsHeap.UsedAfterGarbageCollectionAsync(bench.Tab) / 1024.0 / 1024.0);
            bench.Say(FormattableString.Invariant($"registration {round}: registered at {mark.At:F0} ms, heap {heap[^1]:F2} MiB"));
        }

        return new RegistrationSamples(registered, heap);
    }
}
