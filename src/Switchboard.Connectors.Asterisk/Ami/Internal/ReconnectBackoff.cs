namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>
/// Exponential backoff with full jitter: before attempt n (from 0) wait a random time between zero and
/// min(max, min × 2ⁿ). Many clients that lost the same Asterisk do not all come back at the same instant.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;

    public ReconnectBackoff(TimeSpan min, TimeSpan max, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        _min = min;
        _max = max;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The longest wait before attempt <paramref name="attempt"/>.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var ticks = _min.Ticks * Math.Pow(2, Math.Min(attempt, 62));
        return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait before attempt <paramref name="attempt"/>: uniformly random in [0, <see cref="Ceiling"/>].</summary>
    public TimeSpan Delay(int attempt)
    {
        var fraction = Math.Clamp(_random(), 0, 1);
        return TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * fraction));
    }
}
