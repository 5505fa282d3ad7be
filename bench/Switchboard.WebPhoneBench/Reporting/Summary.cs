namespace Switchboard.WebPhoneBench.Reporting;

/// <summary>Nearest-rank percentiles of one measured quantity over the rounds.</summary>
internal sealed record Summary(int Count, double P50, double P95, double Max)
{
    public static Summary Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN);
        }

        double At(double percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Summary(sorted.Length, At(50), At(95), sorted[^1]);
    }
}
