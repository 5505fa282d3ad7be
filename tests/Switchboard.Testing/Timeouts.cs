namespace Switchboard.Testing;

/// <summary>Every awaited step has a limit so that no test can hang; none of them is a measurement.</summary>
public static class Timeouts
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
}
