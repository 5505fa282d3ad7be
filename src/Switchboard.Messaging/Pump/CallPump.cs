using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Resync;
using Switchboard.Messaging.Routing;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Pump;

/// <summary>
/// Moves PBX facts through the call tracker, one at a time and in order, then enriches, publishes
/// and saves what the tracker decided. Work that must happen later (the end of wrap-up) comes back
/// through the same queue, so the tracker only ever hears from this one loop.
/// </summary>
public sealed partial class CallPump(
    IPbxConnector connector,
    CallTracker tracker,
    ICallerLookup lookup,
    CtiNotifier notifier,
    CallSaver saver,
    CutOffCallCloser closer,
    BrowserSavedLines browserSaved,
    TimeProvider time,
    ILogger<CallPump> logger) : BackgroundService
{
    private readonly Channel<Func<CallTracker, IReadOnlyList<TrackerEvent>>> _work =
        Channel.CreateUnbounded<Func<CallTracker, IReadOnlyList<TrackerEvent>>>(new() { SingleReader = true });

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connector has been started; the health check waits for it.</summary>
    public Task Started => _started.Task;

    /// <summary>Runs a change of the tracker's state in the pump's order and publishes what follows.</summary>
    public void Enqueue(Func<CallTracker, IReadOnlyList<TrackerEvent>> work) => _work.Writer.TryWrite(work);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Which lines the browser saves must be known before the first call is saved, or its row is written twice.
        await browserSaved.FirstAttempt.WaitAsync(stoppingToken);
        await connector.ConnectAsync(stoppingToken);
        _started.TrySetResult();
        LogConnectorStarted(connector.Name);

        var reading = ForwardFactsAsync(stoppingToken);
        await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
        {
            await ProcessAsync(work(tracker), stoppingToken);
        }

        await reading;
    }

    private async Task ForwardFactsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var fact in connector.ReadFactsAsync(cancellationToken))
            {
                _work.Writer.TryWrite(t => t.Apply(fact));
            }
        }
        finally
        {
            _work.Writer.TryComplete();
        }
    }

    private async Task ProcessAsync(IReadOnlyList<TrackerEvent> events, CancellationToken cancellationToken)
    {
        foreach (var change in events)
        {
            if (change.Line is { } line && browserSaved.Contains(line))
            {
                // A web-phone user's browser announces and saves their calls; the tracker keeps them for supervisors.
                if (change is WrapUpStarted ownWrapUp)
                {
                    ScheduleEndOfWrapUp(ownWrapUp, cancellationToken);
                }

                continue;
            }

            var published = change;
            // A new call, or a call whose far end changed, is announced with who is calling.
            if (change is CallChanged { Kind: CallChangeKind.Started or CallChangeKind.PartyChanged } changedParty)
            {
                published = changedParty with { Call = await EnrichAsync(changedParty.Call, cancellationToken) };
            }

            if (published is WrapUpStarted wrapUp)
            {
                ScheduleEndOfWrapUp(wrapUp, cancellationToken);
            }

            if (published is CallsResynchronized)
            {
                // The tracker holds exactly the PBX's calls now: rows of other calls begun before were cut off.
                closer.PbxCallsKnown(tracker.ActiveCalls().Select(c => c.Key).ToHashSet(), time.GetUtcNow());
            }

            await notifier.PublishAsync(published, cancellationToken);
            if (published is CallChanged { Call.IsListening: false } changed)
            {
                saver.Enqueue(changed.Call);
            }
        }
    }

    private async Task<Call> EnrichAsync(Call call, CancellationToken cancellationToken)
    {
        IReadOnlyList<ContactCandidate> candidates;
        try
        {
            candidates = await lookup.LookupAsync(call.RemoteNumber, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A failed lookup must not hold the call back: it is announced without a match.
            LogLookupFailed(error, call.Key);
            return call;
        }

        return candidates.Count == 0 ? call : tracker.AttachCallerMatch(call.Id, CallerMatch.From(candidates)) ?? call;
    }

    private void ScheduleEndOfWrapUp(WrapUpStarted wrapUp, CancellationToken cancellationToken)
    {
        var delay = wrapUp.Until - time.GetUtcNow();
        _ = Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, cancellationToken)
            .ContinueWith(
                _ => Enqueue(t => t.EndWrapUp(wrapUp.LineNumber)),
                cancellationToken,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
    }

    [LoggerMessage(1, LogLevel.Information, "PBX connector {Connector} started")]
    private partial void LogConnectorStarted(string connector);

    [LoggerMessage(2, LogLevel.Warning, "Caller lookup failed for call {Call}; the call goes on without a match")]
    private partial void LogLookupFailed(Exception error, CallKey call);
}
