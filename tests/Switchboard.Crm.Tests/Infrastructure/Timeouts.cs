namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>Every awaited step gets a deadline, so a broken test fails instead of hanging the run.</summary>
internal static class Timeouts
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Step);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Step);

    public static CancellationToken Token() => new CancellationTokenSource(Step).Token;
}
