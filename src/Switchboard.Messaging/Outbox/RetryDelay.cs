namespace Switchboard.Messaging.Outbox;

/// <summary>
/// Exponential back-off with jitter: 0.2 s, 0.4 s, 0.8 s... up to a ceiling, each cut by a random
/// part of up to a half, so that several nodes coming back at once do not knock in step.
/// </summary>
internal static class RetryDelay
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(200);

    public static TimeSpan After(int failures, TimeSpan ceiling)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var full = Math.Min(First.TotalMilliseconds * Math.Pow(2, exponent), ceiling.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security: a predictable random number is fine here.
        var jittered = full * (0.5 + (Random.Shared.NextDouble() * 0.5));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Max(jittered, 1));
    }
}
