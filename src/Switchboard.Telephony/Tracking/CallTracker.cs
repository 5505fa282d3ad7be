using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Telephony.Tracking;

/// <summary>
/// The one place that turns PBX facts into call state. It takes every timestamp from its
/// <see cref="TimeProvider"/>, decides end reasons, and computes what each line and call
/// may do now. Facts go in through <see cref="Apply"/>; decisions come out as <see cref="TrackerEvent"/>s.
/// Thread-safe: one pump applies facts while hub connections read snapshots.
/// </summary>
public sealed partial class CallTracker
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly CallTrackerOptions _options;
    private readonly PbxCapabilities _capabilities;
    private readonly Dictionary<CallKey, Call> _active = [];
    private readonly Dictionary<Guid, CallKey> _keysById = [];
    private readonly Dictionary<string, LineState> _lines = new(StringComparer.Ordinal);
    private bool _linkUp;

    // When the link to the PBX was lost, until the PBX's list after it comes: calls missing from that
    // list ended while nobody could see them, and no later than this.
    private DateTimeOffset? _linkLostAt;

    public CallTracker(TimeProvider time, CallTrackerOptions options, PbxCapabilities capabilities)
    {
        _time = time;
        _options = options;
        // What clients are told the PBX offers: recording from the panel only where the administrator allows it.
        _capabilities = options.RecordFromPanel ? capabilities : capabilities with { CallRecording = false };
    }

    public PbxCapabilities Capabilities => _capabilities;

    public bool IsPbxLinkUp
    {
        get
        {
            lock (_gate)
            {
                return _linkUp;
            }
        }
    }

    /// <summary>Applies one PBX fact and returns what follows from it, in order.</summary>
    public IReadOnlyList<TrackerEvent> Apply(PbxFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var events = new List<TrackerEvent>();
        lock (_gate)
        {
            switch (fact)
            {
                case CallAppeared appeared:
                    Start(appeared, events);
                    break;
                case CallAnswered answered:
                    Answer(answered.Key, events);
                    break;
                case CallHeld held:
                    SetHeld(held.Key, true, events);
                    break;
                case CallUnheld unheld:
                    SetHeld(unheld.Key, false, events);
                    break;
                case CallRemoteBusy busy:
                    MarkBusy(busy.Key, events);
                    break;
                case CallMuteChanged mute:
                    SetMuted(mute.Key, mute.Muted, events);
                    break;
                case CallRecordingChanged recording:
                    SetRecording(recording, events);
                    break;
                case CallPartyChanged party:
                    ChangeParty(party, events);
                    break;
                case CallEnded ended:
                    End(ended, events);
                    break;
                case DtmfSeen dtmf:
                    if (_active.TryGetValue(dtmf.Key, out var call))
                    {
                        events.Add(new DtmfEntered(call, dtmf.Digit));
                    }

                    break;
                case AgentStatusReported status:
                    Line(status.Line).ChosenStatus = status.Status;
                    RefreshLine(status.Line, events);
                    break;
                case CallCentreModeReported mode:
                    SetCallCentreMode(mode, events);
                    break;
                case WrapUpReported wrapUp:
                    HoldInWrapUp(wrapUp, events);
                    break;
                case PbxLinkChanged link:
                    if (!link.IsUp && _linkUp)
                    {
                        _linkLostAt ??= _time.GetUtcNow();
                    }

                    _linkUp = link.IsUp;
                    events.Add(new PbxLinkStateChanged(link.IsUp, link.Reason));
                    break;
                case ActiveCallsReported report:
                    Reconcile(report, events);
                    break;
                case ConferenceJoined joined:
                    JoinConference(joined, events);
                    break;
                case ConferenceLeft left:
                    LeaveConference(left.ConferenceId, left.MemberId, events);
                    break;
                case ConferenceEnded ended:
                    EndConference(ended.ConferenceId, events);
                    break;
                case RawPbxMessage raw:
                    events.Add(new RawMessage(raw.Line, raw.Text));
                    break;
                default:
                    throw new ArgumentException($"The tracker does not know the fact {fact.GetType().Name}.", nameof(fact));
            }
        }

        return events;
    }

    /// <summary>Links a call to the CRM records its number matched, without announcing it (used before the call is announced).</summary>
    public Call? AttachCallerMatch(Guid callId, CallerMatch match)
    {
        lock (_gate)
        {
            return Update(callId, c => c with { CallerMatch = match });
        }
    }

    /// <summary>Links a call to one of its candidates (or to another record), announced as a change of call info.</summary>
    public IReadOnlyList<TrackerEvent> ChooseContact(Guid callId, ContactCandidate chosen)
    {
        lock (_gate)
        {
            var call = Update(callId, c => c with { CallerMatch = c.CallerMatch with { Chosen = chosen } });
            return call is null ? [] : [new CallChanged(CallChangeKind.InfoChanged, call)];
        }
    }

    public Call? FindCall(Guid callId)
    {
        lock (_gate)
        {
            return _keysById.TryGetValue(callId, out var key) ? _active[key] : null;
        }
    }

    public Call? FindCall(CallKey key)
    {
        lock (_gate)
        {
            return _active.GetValueOrDefault(key);
        }
    }

    /// <summary>All active calls, for a supervisor's view and the PBX resync.</summary>
    public IReadOnlyList<Call> ActiveCalls()
    {
        lock (_gate)
        {
            return [.. _active.Values.OrderBy(c => c.StartedAt)];
        }
    }

    public LineSnapshot Snapshot(string line)
    {
        lock (_gate)
        {
            var state = Line(line);
            return new LineSnapshot(
                line,
                state.AnnouncedStatus,
                state.CallCentreMode,
                state.AnnouncedOperations,
                state.CurrentCallId,
                [.. CallsOn(line)]);
        }
    }

    /// <summary>Ends wrap-up on a line once its time is over; the pump calls this when the time comes.</summary>
    public IReadOnlyList<TrackerEvent> EndWrapUp(string line)
    {
        var events = new List<TrackerEvent>();
        lock (_gate)
        {
            var state = Line(line);
            if (state.WrapUpUntil is { } until && until <= _time.GetUtcNow())
            {
                state.WrapUpUntil = null;
                RefreshLine(line, events);
            }
        }

        return events;
    }

    private LineState Line(string line)
    {
        if (!_lines.TryGetValue(line, out var state))
        {
            state = new LineState(line);
            _lines.Add(line, state);
        }

        return state;
    }

    private IEnumerable<Call> CallsOn(string line) =>
        _active.Values.Where(c => string.Equals(c.Line, line, StringComparison.Ordinal)).OrderBy(c => c.StartedAt);

    private Call? Update(Guid callId, Func<Call, Call> change)
    {
        if (!_keysById.TryGetValue(callId, out var key))
        {
            return null;
        }

        var updated = change(_active[key]);
        _active[key] = updated;
        return updated;
    }
}
