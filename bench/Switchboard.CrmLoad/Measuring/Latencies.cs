using System.Diagnostics;
using System.Globalization;

namespace Switchboard.CrmLoad.Measuring;

/// <summary>Percentiles of per-call timings (nearest rank over the sorted samples), in milliseconds.</summary>
internal sealed record Latencies(int Count, double P50, double P90, double P99, double P999, double Max, double Mean)
{
    public static Latencies Of(IEnumerable<long> stopwatchTicks)
    {
        var sorted = stopwatchTicks.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new Latencies(0, 0, 0, 0, 0, 0, 0);
        }

        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double At(double percentile) => Ms(sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)]);
        return new Latencies(sorted.Length, At(50), At(90), At(99), At(99.9), Ms(sorted[^1]), sorted.Average(t => Ms(t)));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count,7:N0}  p50={P50,7:F3}  p90={P90,7:F3}  p99={P99,7:F3}  p99.9={P999,7:F3}  max={Max,8:F3}  mean={Mean,7:F3} ms");
}
