using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Messaging.Outbox;
using Switchboard.Messaging.Routing;
using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Pump;

/// <summary>
/// Saves every change of a call: the pump hands each state over, it goes through the durable
/// outbox to the CRM, and once the CRM confirmed it the line's owners get <c>callSaved</c> with the
/// row's id. Saves are idempotent by the call's key, so a retry never duplicates a row.
/// </summary>
public sealed partial class CallSaver(
    CallOutbox outbox,
    CtiNotifier notifier,
    TimeProvider time,
    ILogger<CallSaver> logger) : BackgroundService
{
    /// <summary>The call as it is now; durations of an active call are measured at this moment.</summary>
    public void Enqueue(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        outbox.Enqueue(call.Id, call.PbxCallId, call.Line, CallSaveMapper.ToSaveRequest(call, time.GetUtcNow()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var saved in outbox.ReadConfirmedAsync(stoppingToken))
        {
            try
            {
                await notifier.CallSavedAsync(
                    new CallSavedEvent(saved.CallId, saved.PbxCallId, saved.Line, saved.RecordId),
                    stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The row is saved; only the notice is lost, and the next save of the call sends another.
                LogNoticeFailed(error, new CallKey(saved.PbxCallId, saved.Line));
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "callSaved for call {Call} could not be sent")]
    private partial void LogNoticeFailed(Exception error, CallKey call);
}
