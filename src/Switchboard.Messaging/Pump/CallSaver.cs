using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Routing;
using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Pump;

/// <summary>
/// Saves every change of a call to the log in the order the changes happened, and announces each
/// save with <c>callSaved</c>. Saves are idempotent by the call's key, so a retry never duplicates a row.
/// </summary>
public sealed partial class CallSaver(
    ICallLogWriter writer,
    CtiNotifier notifier,
    TimeProvider time,
    ILogger<CallSaver> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<Call> _pending = Channel.CreateUnbounded<Call>(new() { SingleReader = true });

    public void Enqueue(Call call) => _pending.Writer.TryWrite(call);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var call in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            if (await SaveWithRetriesAsync(call, stoppingToken) is { } recordId)
            {
                await notifier.CallSavedAsync(
                    new CallSavedEvent(call.Id, call.PbxCallId, call.Line, recordId),
                    stoppingToken);
            }
        }
    }

    private async Task<Guid?> SaveWithRetriesAsync(Call call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await writer.SaveAsync(call, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException && attempt < RetryDelays.Length)
            {
                LogSaveRetry(error, call.Key, attempt + 1);
                await Task.Delay(RetryDelays[attempt], time, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Until the durable outbox exists the save is given up here; the next change of the
                // same call saves the whole call again, so only a call's last change can be lost.
                LogSaveFailed(error, call.Key);
                return null;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Saving call {Call} failed (attempt {Attempt}); retrying")]
    private partial void LogSaveRetry(Exception error, CallKey call, int attempt);

    [LoggerMessage(2, LogLevel.Error, "Saving call {Call} failed; giving up on this change")]
    private partial void LogSaveFailed(Exception error, CallKey call);
}
