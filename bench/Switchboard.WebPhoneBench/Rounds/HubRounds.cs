using Switchboard.WebPhoneBench.Probes;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.WebPhoneBench.Rounds;

/// <summary>
/// The same panel of the same agent on the hub (the third-party style: no JsSIP, no phone in the
/// page): the user's phone style is switched for these rounds and put back after. Each round reloads
/// the panel, waits until it is connected, lets it idle and reads its heap after a garbage collection.
/// </summary>
internal static class HubRounds
{
    public static async Task<IReadOnlyList<double>> IdleHeapMiBAsync(BenchPage bench, CancellationToken cancellationToken)
    {
        List<double> heap = [];
        await bench.Server.PutPhoneStyleAsync(BenchPage.Login, "thirdParty");
        try
        {
            for (var round = 1; round <= bench.Options.Rounds && !cancellationToken.IsCancellationRequested; round++)
            {
                await bench.ReloadAsync();
                await Expect(bench.ConnectedStatus).ToBeAttachedAsync();
                await Task.Delay(bench.Options.Idle, CancellationToken.None);
                heap.Add(await JsHeap.UsedAfterGarbageCollectionAsync(bench.Tab) / 1024.0 / 1024.0);
                bench.Say(FormattableString.Invariant($"hub {round}: heap {heap[^1]:F2} MiB"));
            }

            if ((await WebPhoneMarks.ReadAsync(bench.Tab)).Any(m => m.Name == "registered"))
            {
                throw new InvalidOperationException("The panel on the hub registered a SIP phone: the phone style did not change.");
            }
        }
        finally
        {
            await bench.Server.PutPhoneStyleAsync(BenchPage.Login, "webPhone");
        }

        return heap;
    }
}
