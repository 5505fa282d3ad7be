using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// The outside world: callers and called numbers, played over HTTP. These work whether or not the
// link is up (the PBX goes on when the connector cannot see it), and answer with a SimulatorResult.
// A sim call id names the call; the id where an outside party came in also keeps naming that party
// after a transfer moved it into another sim call.
public sealed partial class SimulatedPbx
{
    /// <summary>An outside number calls an extension or a queue. Returns the new sim call's id.</summary>
    public SimulatorResult PlaceInboundCall(string? from, string? to)
    {
        if (!DialRules.IsDiallable(from))
        {
            return SimulatorResult.Invalid("'from' must be an outside number: digits with an optional leading +, such as +74951234567.");
        }

        lock (_gate)
        {
            if (IsInsideNumber(from!))
            {
                return SimulatorResult.Invalid($"{from} is a number of the simulator itself; an inbound call comes from an outside number.");
            }

            if (to is null || !IsInsideNumber(to))
            {
                return SimulatorResult.Invalid($"'{to}' is neither an extension nor a queue of the simulator.");
            }

            if (_lines.TryGetValue(to, out var line) && line.Status.State == AgentState.DoNotDisturb)
            {
                return SimulatorResult.Conflict($"Extension {to} is in Do Not Disturb: the call was refused busy.");
            }

            var id = NextCallId();
            var call = AddCall(id, id, AddOutsideParty(from!, EndState.Dialing, id));
            Route(call, to, redirectedFrom: null);
            DispatchQueues();
            return SimulatorResult.Placed(id);
        }
    }

    // Each outside party's action takes an optional check of the call the party is in now, made
    // under the lock: an id can name a party that a transfer has since moved into another line's
    // call, and whoever may act is decided by the call as it is when the action happens. A call
    // the check refuses is answered as unknown, so it tells nothing of other lines' calls.

    /// <summary>The called outside party answers.</summary>
    public SimulatorResult AnswerAsOutsideParty(string callId, Predicate<SimCallInfo>? allowed = null) =>
        AsCalledParty(callId, "answer", Answer, allowed);

    /// <summary>The called outside party is busy: the call fails.</summary>
    public SimulatorResult RespondBusyAsOutsideParty(string callId, Predicate<SimCallInfo>? allowed = null) =>
        AsCalledParty(callId, "be busy", FailBusy, allowed);

    /// <summary>The outside party hangs up, whether it rings, waits in a queue or talks.</summary>
    public SimulatorResult HangUpAsOutsideParty(string callId, Predicate<SimCallInfo>? allowed = null)
    {
        lock (_gate)
        {
            var (call, party, failure) = FindOutsideParty(callId, preferCallee: false, allowed);
            if (failure is not null)
            {
                return failure;
            }

            HangUp(party!, HangupCause.Normal, HangupSide.Remote, HangupCause.Normal);
            DispatchQueues();
            return SimulatorResult.Done;
        }
    }

    /// <summary>The outside party presses keys; the line it talks to sees the digits.</summary>
    public SimulatorResult SendDtmfAsOutsideParty(string callId, string? digits, Predicate<SimCallInfo>? allowed = null)
    {
        if (string.IsNullOrEmpty(digits))
        {
            return SimulatorResult.Invalid("'digits' must hold at least one DTMF digit (0-9, *, #, A-D).");
        }

        if (DialRules.FindInvalidDtmf(digits) is { } invalid)
        {
            return SimulatorResult.Invalid($"'{invalid}' is not a DTMF digit: use 0-9, *, #, A-D.");
        }

        lock (_gate)
        {
            var (call, party, failure) = FindOutsideParty(callId, preferCallee: false, allowed);
            if (failure is not null)
            {
                return failure;
            }

            if (!call!.IsConnected)
            {
                return SimulatorResult.Conflict($"Call {call.Id} is not answered yet, so no one hears the digits.");
            }

            if (call.Other(party!) is LineEnd line)
            {
                foreach (var digit in digits)
                {
                    Emit(new DtmfSeen(line.Key, digit));
                }
            }

            return SimulatorResult.Done;
        }
    }

    /// <summary>The active sim calls, oldest first.</summary>
    public IReadOnlyList<SimCallInfo> ListCalls()
    {
        lock (_gate)
        {
            return [.. _calls.Values.OrderBy(c => c.Sequence).Select(ToInfo)];
        }
    }

    /// <summary>One active sim call, or null when there is none with that id.</summary>
    public SimCallInfo? FindCall(string callId)
    {
        lock (_gate)
        {
            return _calls.TryGetValue(callId, out var call) ? ToInfo(call) : null;
        }
    }

    /// <summary>Whether <paramref name="number"/> is one of the simulator's queues (fixed at start, so no lock).</summary>
    public bool IsQueue(string number) => _queues.ContainsKey(number);

    private SimulatorResult AsCalledParty(string callId, string action, Action<SimCall> act, Predicate<SimCallInfo>? allowed)
    {
        lock (_gate)
        {
            var (call, party, failure) = FindOutsideParty(callId, preferCallee: true, allowed);
            if (failure is not null)
            {
                return failure;
            }

            if (!ReferenceEquals(party, call!.Callee))
            {
                return SimulatorResult.Conflict(
                    $"In call {call.Id} the outside party {party!.Number} is the caller; it cannot {action}, the line it calls answers.");
            }

            if (party!.State != EndState.Ringing)
            {
                return SimulatorResult.Conflict($"Call {call.Id} is already answered; {party.Number} cannot {action} now.");
            }

            act(call);
            DispatchQueues();
            return SimulatorResult.Done;
        }
    }

    private (SimCall? Call, ExternalEnd? Party, SimulatorResult? Failure) FindOutsideParty(
        string callId,
        bool preferCallee,
        Predicate<SimCallInfo>? allowed)
    {
        var unknown = SimulatorResult.NotFound($"There is no active simulator call {callId}.");
        if (_calls.TryGetValue(callId, out var call))
        {
            if (allowed is not null && !allowed(ToInfo(call)))
            {
                return (null, null, unknown);
            }

            var party = preferCallee
                ? call.Callee as ExternalEnd ?? call.Caller as ExternalEnd
                : call.Caller as ExternalEnd ?? call.Callee as ExternalEnd;
            return party is not null
                ? (call, party, null)
                : (call, null, SimulatorResult.Conflict($"Call {callId} has no outside party: it is {DescribeInside(call)}."));
        }

        return _outsideParties.TryGetValue(callId, out var moved) && (allowed is null || allowed(ToInfo(moved.Call)))
            ? (moved.Call, moved, null)
            : (null, null, unknown);
    }

    private static string DescribeInside(SimCall call) => call switch
    {
        { Listened: { } listened } => $"line {call.Caller.Number} listening to line {listened.Key.Line}",
        { Callee: { } callee } => $"between lines {call.Caller.Number} and {callee.Number}",
        _ => $"line {call.Caller.Number} waiting in queue {call.Queue?.Number}",
    };

    private static SimCallInfo ToInfo(SimCall call) => new(
        call.Id,
        call.ConversationId,
        call.IsConnected ? "connected" : call.IsWaitingInQueue ? "waiting" : "ringing",
        ToInfo(call.Caller),
        call.Callee is null ? null : ToInfo(call.Callee),
        call.Queue?.Number,
        call.Listened?.Key.ToString());

    private static SimEndInfo ToInfo(SimEnd end) => new(
        end.Number,
        end is LineEnd ? "line" : "external",
        end.State.ToString().ToLowerInvariant(),
        (end as LineEnd)?.Key.PbxCallId);
}
