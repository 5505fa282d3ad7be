using System.Diagnostics;
using System.Globalization;
using Switchboard.Contracts;
using Switchboard.Crm.Calls;
using Switchboard.CrmLoad.Generation;

namespace Switchboard.CrmLoad.Measuring;

/// <summary>The timings of one pass of call saves.</summary>
internal sealed record SaveRun(int Writers, int Calls, TimeSpan Elapsed, Latencies PerSave, long Commands, TimeSpan TimeInCommands)
{
    public const int SavesPerCall = 3;

    public int Saves => Calls * SavesPerCall;

    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public double SavesPerSecond => Saves / Elapsed.TotalSeconds;
}

/// <summary>
/// New calls saved through <see cref="CallLog.SaveAsync"/> as the Messaging Service saves them:
/// each call three times under the same key (alerting, then connected, then finished), one save
/// after the other, by a number of concurrent writers that each take the next call when done.
/// Each save is timed with a <see cref="Stopwatch"/>.
/// </summary>
internal static class SaveBenchmark
{
    public static async Task<SaveRun> RunAsync(
        CallLog log, SyntheticCrm crm, int calls, int writers, long firstSequence, CommandCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(counter);
        var ticks = new long[calls * SaveRun.SavesPerCall];
        var next = -1;
        var commandsBefore = counter.Commands;
        var timeBefore = counter.TimeInCommands;
        var started = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                var random = new Random(unchecked((int)firstSequence + w));
                int i;
                while ((i = Interlocked.Increment(ref next)) < calls)
                {
                    var (pbxCallId, line, lifecycle) = Lifecycle(crm, firstSequence + i, random);
                    for (var s = 0; s < lifecycle.Length; s++)
                    {
                        var before = Stopwatch.GetTimestamp();
                        await log.SaveAsync(pbxCallId, line, lifecycle[s], cancellationToken);
                        ticks[(i * SaveRun.SavesPerCall) + s] = Stopwatch.GetTimestamp() - before;
                    }
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        started.Stop();
        return new SaveRun(writers, calls, started.Elapsed, Latencies.Of(ticks), counter.Commands - commandsBefore, counter.TimeInCommands - timeBefore);
    }

    /// <summary>An incoming call from a number of the CRM (linked to its contact), answered and finished: three saves.</summary>
    public static (string PbxCallId, string Line, CallSaveRequest[] Saves) Lifecycle(SyntheticCrm crm, long sequence, Random random)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(random);
        var now = DateTimeOffset.UtcNow;
        var pbxCallId = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + sequence.ToString(CultureInfo.InvariantCulture);
        var line = SyntheticCrm.LineName(random.Next(SyntheticCrm.LineCount));
        string caller;
        Guid? contactId = null;
        Guid? accountId = null;
        if (crm.Numbers.Length > 0)
        {
            var index = random.Next(crm.Numbers.Length);
            var number = crm.Numbers[index];
            caller = SyntheticCalls.CallerIdOf(crm.Plans[index], random);
            contactId = number.ContactId;
            accountId = number.AccountId;
        }
        else
        {
            caller = SyntheticCalls.CallerIdOf(PhonePlan.Next(random), random);
        }

        var ring = random.Next(2, 20);
        var talk = random.Next(10, 600);
        var alerting = new CallSaveRequest
        {
            ConversationId = pbxCallId,
            Direction = CallDirection.Incoming,
            CallerNumber = caller,
            CalleeNumber = line,
            State = CallState.Alerting,
            StartedAt = now,
            ContactId = contactId,
            AccountId = accountId,
        };
        var connected = alerting with
        {
            State = CallState.Connected,
            AnsweredAt = now.AddSeconds(ring),
            TimeBeforeConnectionSeconds = ring,
            DurationSeconds = ring,
        };
        var finished = connected with
        {
            State = CallState.Finished,
            EndedAt = now.AddSeconds(ring + talk),
            EndReason = CallEndReason.Completed,
            DurationSeconds = ring + talk,
            TalkSeconds = talk,
        };
        return (pbxCallId, line, [alerting, connected, finished]);
    }
}
