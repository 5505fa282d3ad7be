namespace Switchboard.Testing;

/// <summary>Every awaited step has a limit so that no test can hang; none of them is a measurement.</summary>
public static class Timeouts
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A server process from its start to its first healthy answer (runtime start, JIT, migrations).
    /// Generous: on a 2-core machine busy with other test runs, 30 s was seen to run out.
    /// </summary>
    public static readonly TimeSpan ProcessStart = TimeSpan.FromMinutes(2);
}
