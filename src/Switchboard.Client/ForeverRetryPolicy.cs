using Microsoft.AspNetCore.SignalR.Client;

namespace Switchboard.Client;

/// <summary>An agent's panel never gives up on the server: the last delay repeats forever, with jitter.</summary>
internal sealed class ForeverRetryPolicy(IReadOnlyList<TimeSpan> delays) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        var delay = delays[(int)Math.Min(retryContext.PreviousRetryCount, delays.Count - 1)];
        return delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
    }
}
