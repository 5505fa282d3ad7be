using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Telephony.Tracking;

// How each call fact moves a call from one state to the next. A fact that does not fit the
// call's state (hold while ringing, answer after the end) changes nothing and announces nothing.
public sealed partial class CallTracker
{
    private void Start(CallAppeared fact, List<TrackerEvent> events)
    {
        if (_active.ContainsKey(fact.Key))
        {
            return;
        }

        var now = _time.GetUtcNow();
        var parent = fact.ParentPbxCallId is { } parentId
            ? _active.GetValueOrDefault(new CallKey(parentId, fact.Key.Line))
            : null;
        var call = new Call
        {
            Id = Guid.CreateVersion7(now),
            Key = fact.Key,
            ConversationId = fact.ConversationId,
            Direction = fact.Direction,
            CallerNumber = fact.CallerNumber,
            CallerName = fact.CallerName,
            CalleeNumber = fact.CalleeNumber,
            RedirectedFrom = fact.RedirectedFrom,
            State = !fact.AlreadyAnswered ? CallState.Alerting
                : fact.AlreadyHeld ? CallState.Held
                : CallState.Connected,
            StartedAt = Before(now, fact.Age),
            AnsweredAt = fact.AlreadyAnswered ? Before(now, fact.AnsweredAge) : null,
            HeldSince = fact.AlreadyAnswered && fact.AlreadyHeld ? now : null,
            Muted = fact.AlreadyMuted,
            ParentCallId = parent?.Id,
            ParentPbxCallId = parent?.PbxCallId,
            IsListening = fact.IsListening,
            SupervisionMode = fact.IsListening ? fact.SupervisionMode : SupervisionMode.Listen,
            SupervisedCall = fact.IsListening ? fact.SupervisedCall : null,
        };
        _active.Add(call.Key, call);
        _keysById.Add(call.Id, call.Key);
        Announce(CallChangeKind.Started, call.Key, events);
        RefreshLine(call.Line, events);
        ShowSupervisor(call, events);
    }

    // A moment the PBX gave as an age: the tracker's clock stays the one source of timestamps.
    private static DateTimeOffset Before(DateTimeOffset now, TimeSpan? age) =>
        age is { } ago && ago > TimeSpan.Zero ? now - ago : now;

    private void Answer(CallKey key, List<TrackerEvent> events)
    {
        if (!_active.TryGetValue(key, out var call) || call.State is not (CallState.Alerting))
        {
            return;
        }

        _active[key] = call with { State = CallState.Connected, AnsweredAt = _time.GetUtcNow() };
        Announce(CallChangeKind.Answered, key, events);
        RefreshLine(key.Line, events);
    }

    private void SetHeld(CallKey key, bool held, List<TrackerEvent> events)
    {
        if (!_active.TryGetValue(key, out var call))
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (held && call.State == CallState.Connected)
        {
            _active[key] = call with { State = CallState.Held, HeldSince = now };
            Announce(CallChangeKind.Held, key, events);
        }
        else if (!held && call.State == CallState.Held)
        {
            _active[key] = call with
            {
                State = CallState.Connected,
                HeldSince = null,
                CompletedHoldTime = call.HoldTimeAt(now),
            };
            Announce(CallChangeKind.Unheld, key, events);
        }
        else
        {
            return;
        }

        RefreshLine(key.Line, events);
    }

    private void MarkBusy(CallKey key, List<TrackerEvent> events)
    {
        if (!_active.TryGetValue(key, out var call) || call.State != CallState.Alerting)
        {
            return;
        }

        _active[key] = call with { State = CallState.Busy };
        Announce(CallChangeKind.Busy, key, events);
        RefreshLine(key.Line, events);
    }

    private void SetMuted(CallKey key, bool muted, List<TrackerEvent> events)
    {
        if (!_active.TryGetValue(key, out var call) || call.Muted == muted)
        {
            return;
        }

        _active[key] = call with { Muted = muted };
        Announce(CallChangeKind.InfoChanged, key, events);
    }

    // A later recording of the same call replaces the file of an earlier one: the row links one recording.
    private void SetRecording(CallRecordingChanged fact, List<TrackerEvent> events)
    {
        if (!_active.TryGetValue(fact.Key, out var call))
        {
            return;
        }

        var file = fact.File is { Length: > 0 } named ? named : call.RecordingFile;
        if (call.Recording == fact.Recording && string.Equals(call.RecordingFile, file, StringComparison.Ordinal))
        {
            return;
        }

        _active[fact.Key] = call with { Recording = fact.Recording, RecordingFile = file };
        Announce(CallChangeKind.InfoChanged, fact.Key, events);
    }

    private void ChangeParty(CallPartyChanged fact, List<TrackerEvent> events)
    {
        if (!_active.TryGetValue(fact.Key, out var call))
        {
            return;
        }

        _active[fact.Key] = call with
        {
            CallerNumber = fact.CallerNumber,
            CallerName = fact.CallerName,
            CalleeNumber = fact.CalleeNumber,
            Direction = fact.Direction ?? call.Direction,
            RedirectedFrom = fact.RedirectedFrom ?? call.RedirectedFrom,
            // The far end is someone else now: the old match no longer describes it.
            CallerMatch = CallerMatch.None,
        };
        Announce(CallChangeKind.PartyChanged, fact.Key, events);
        RefreshLine(fact.Key.Line, events);
    }

    private void End(CallEnded fact, List<TrackerEvent> events, DateTimeOffset? endedAt = null)
    {
        if (!_active.TryGetValue(fact.Key, out var call))
        {
            return;
        }

        var now = endedAt is { } at ? new[] { at, call.StartedAt, call.AnsweredAt ?? call.StartedAt }.Max() : _time.GetUtcNow();
        var finished = call with
        {
            State = CallState.Finished,
            EndedAt = now,
            CompletedHoldTime = call.HoldTimeAt(now),
            HeldSince = null,
            EndReason = EndReasonRules.Decide(call, fact.Cause, fact.Side),
            RedirectedTo = fact.TransferTarget ?? call.RedirectedTo,
            Recording = false,
            Operations = CallOperations.None,
            Supervision = null,
            Conference = null,
        };
        _active.Remove(fact.Key);
        _keysById.Remove(call.Id);
        _announcedOperations.Remove(call.Id);
        events.Add(new CallChanged(CallChangeKind.Finished, finished));
        RefreshLine(fact.Key.Line, events);
        HideSupervisor(call, events);
    }

    // After the link comes back, the PBX's list is the truth: calls it no longer has ended
    // while we could not see them, and calls we never saw are taken up as they are now. A call that
    // went while the link was down ends when the link was lost, the last moment it was known to be
    // alive: a PBX that crashed and came back must not give it the outage as talk time.
    private void Reconcile(ActiveCallsReported report, List<TrackerEvent> events)
    {
        var reported = report.Calls.Select(c => c.Key).ToHashSet();
        var lostAt = _linkLostAt;
        _linkLostAt = null;
        foreach (var gone in _active.Keys.Where(k => !reported.Contains(k)).ToList())
        {
            End(new CallEnded(gone, HangupCause.Normal, HangupSide.Unknown), events, lostAt);
        }

        foreach (var fact in report.Calls.Where(c => !_active.ContainsKey(c.Key)))
        {
            Start(fact, events);
        }

        events.Add(new CallsResynchronized());
    }

    /// <summary>Refreshes the operations on a call and announces it.</summary>
    private void Announce(CallChangeKind kind, CallKey key, List<TrackerEvent> events)
    {
        var call = _active[key];
        var operations = OperationsOf(call);
        if (call.Operations != operations)
        {
            call = call with { Operations = operations };
            _active[key] = call;
        }

        events.Add(new CallChanged(kind, call));
    }
}
