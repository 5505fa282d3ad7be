using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Messaging.Outbox;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Pump;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Resync;

/// <summary>
/// Closes the log's rows of calls cut off by a restart. Once the PBX's active calls are known after
/// the start (the pump says when), the log's open rows are read, and every row that began before
/// then and that the PBX no longer has is ended (<see cref="CutOffCalls"/>) and saved like any call,
/// through the outbox. Rows of calls the PBX still has are the tracker's again; rows of calls begun
/// since are this process's own. While the CRM does not answer, reading is tried again with back-off.
/// </summary>
public sealed partial class CutOffCallCloser(
    IOpenCallReader reader,
    CallSaver saver,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<CutOffCallCloser> logger) : BackgroundService
{
    private readonly TaskCompletionSource<KnownCalls> _firstList = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The PBX listed its active calls (<paramref name="active"/>) at <paramref name="at"/>; only the first list after the start counts.</summary>
    public void PbxCallsKnown(IReadOnlySet<CallKey> active, DateTimeOffset at) => _firstList.TrySetResult(new KnownCalls(active, at));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = await _firstList.Task.WaitAsync(stoppingToken);
        var open = await ReadOpenCallsAsync(stoppingToken);
        var closed = 0;
        foreach (var row in open)
        {
            var key = new CallKey(row.PbxCallId, row.Line);
            if (known.Active.Contains(key) || row.Call.StartedAt >= known.At)
            {
                continue;
            }

            saver.Enqueue(CutOffCalls.End(OpenCallMapper.ToCall(row), row.UpdatedAt));
            closed++;
        }

        LogClosed(closed, open.Count);
    }

    private async Task<IReadOnlyList<OpenCall>> ReadOpenCallsAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await reader.ListOpenAsync(cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (failures == 1)
                {
                    LogReadFailed(error);
                }

                await Task.Delay(RetryDelay.After(failures, options.Value.OutboxMaxRetryDelay), time, cancellationToken);
            }
        }
    }

    private sealed record KnownCalls(IReadOnlySet<CallKey> Active, DateTimeOffset At);

    [LoggerMessage(1, LogLevel.Information, "Closed {Closed} of {Open} open calls in the log that the PBX no longer has (cut off by a restart)")]
    private partial void LogClosed(int closed, int open);

    [LoggerMessage(2, LogLevel.Warning, "Reading the log's open calls failed; trying again until the CRM answers")]
    private partial void LogReadFailed(Exception error);
}
