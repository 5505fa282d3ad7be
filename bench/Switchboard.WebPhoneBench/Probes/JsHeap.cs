using Microsoft.Playwright;

namespace Switchboard.WebPhoneBench.Probes;

/// <summary>The page's JavaScript heap as Chromium's DevTools protocol reports it, after a full garbage collection.</summary>
internal static class JsHeap
{
    /// <summary>
    /// Bytes in use on the page's JavaScript heap right after <c>HeapProfiler.collectGarbage</c>
    /// (<c>Runtime.getHeapUsage</c>'s <c>usedSize</c>): what the page keeps, not what it has not yet freed.
    /// </summary>
    public static async Task<long> UsedAfterGarbageCollectionAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var devTools = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await devTools.SendAsync("HeapProfiler.collectGarbage");
            var usage = await devTools.SendAsync("Runtime.getHeapUsage")
                ?? throw new InvalidOperationException("Chromium answered Runtime.getHeapUsage with nothing.");
            return (long)usage.GetProperty("usedSize").GetDouble();
        }
        finally
        {
            await devTools.DetachAsync();
        }
    }
}
