using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// How a sim call reaches its callee, is answered, fails and ends: shared by every command.
public sealed partial class SimulatedPbx
{
    private SimCall AddCall(string id, string conversationId, SimEnd caller)
    {
        var call = new SimCall(id, conversationId, NextSequence(), caller);
        caller.Call = call;
        _calls.Add(id, call);
        return call;
    }

    private LineEnd AddLineEnd(LineEnd end)
    {
        end.CreatedAt = _time.GetUtcNow();
        _lineEnds.Add(end.Key, end);
        _lines[end.Key.Line].Ends.Add(end);
        return end;
    }

    private ExternalEnd AddOutsideParty(string number, EndState state, string callId)
    {
        var party = new ExternalEnd(number, state, callId);
        _outsideParties[callId] = party;
        return party;
    }

    /// <summary>An extension or a queue: a call to it stays inside the PBX.</summary>
    private bool IsInsideNumber(string number) => _lines.ContainsKey(number) || _queues.ContainsKey(number);

    /// <summary>Makes <paramref name="call"/> ring at <paramref name="target"/>: an extension, a queue, or an outside number.</summary>
    private void Route(SimCall call, string target, string? redirectedFrom)
    {
        if (_lines.TryGetValue(target, out var line))
        {
            if (line.Status.State == AgentState.DoNotDisturb)
            {
                FailBusy(call);
                return;
            }

            RingLine(call, line, calleeNumber: target, redirectedFrom, _options.NoAnswerTimeout);
        }
        else if (_queues.TryGetValue(target, out var queue))
        {
            // The caller waits; DispatchQueues rings a member at the end of the command.
            call.Queue = queue;
            call.RedirectedFrom = redirectedFrom;
        }
        else
        {
            var party = AddOutsideParty(target, EndState.Ringing, call.Id);
            party.Call = call;
            call.Callee = party;
            StartRinging(call, _options.NoAnswerTimeout);
        }
    }

    private void RingLine(SimCall call, SimLine line, string calleeNumber, string? redirectedFrom, TimeSpan timeout)
    {
        // Each offer of a queue call to a member is a leg of its own, as a PBX's member channel is:
        // a member rung twice for the same caller gets two rows, not one overwritten.
        var pbxCallId = call.Queue is null ? call.Id : call.NextQueueOfferId();
        var callee = AddLineEnd(new LineEnd(new CallKey(pbxCallId, line.Number), EndState.Ringing, placedCall: false, NextSequence())
        {
            Direction = call.Caller is ExternalEnd ? CallDirection.Incoming : CallDirection.Internal,
            CallerNumber = call.Caller.Number,
            CalleeNumber = calleeNumber,
            RedirectedFrom = redirectedFrom,
        });
        callee.Call = call;
        call.Callee = callee;
        Emit(callee.ToAppeared(forResync: false));
        StartRinging(call, timeout);
    }

    private void StartRinging(SimCall call, TimeSpan timeout)
    {
        call.StopRinging();
        var ring = new object();
        call.Ring = ring;
        call.RingTimer = _time.CreateTimer(_ => OnRingTimeout(call, ring), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnRingTimeout(SimCall call, object ring)
    {
        lock (_gate)
        {
            if (!call.IsActive || !ReferenceEquals(call.Ring, ring) || call.Callee is not { } callee)
            {
                return;
            }

            call.StopRinging();
            if (call.Queue is not null)
            {
                // The member did not answer: the caller goes back to waiting for the next one.
                call.Callee = null;
                Leave(callee, HangupCause.NoAnswer, HangupSide.Remote);
            }
            else
            {
                Leave(callee, HangupCause.NoAnswer, HangupSide.Remote);
                Leave(call.Caller, HangupCause.NoAnswer, HangupSide.Remote);
                RemoveCall(call);
            }

            DispatchQueues();
        }
    }

    /// <summary>The callee answers: it and a caller still dialing are connected.</summary>
    private void Answer(SimCall call)
    {
        call.StopRinging();
        call.IsConnected = true;
        var callee = call.Callee!;
        callee.State = EndState.Connected;
        if (callee is LineEnd calleeLine)
        {
            Emit(new CallAnswered(calleeLine.Key));
        }

        if (call.Caller.State == EndState.Dialing)
        {
            call.Caller.State = EndState.Connected;
            if (call.Caller is LineEnd callerLine)
            {
                Emit(new CallAnswered(callerLine.Key));
            }
        }
    }

    /// <summary>The callee is busy: the call fails and its caller hears busy.</summary>
    private void FailBusy(SimCall call)
    {
        if (call.Callee is ExternalEnd callee)
        {
            Leave(callee, HangupCause.Busy, HangupSide.Remote);
        }

        if (call.Caller is LineEnd { State: EndState.Dialing } caller)
        {
            Emit(new CallRemoteBusy(caller.Key));
        }

        Leave(call.Caller, HangupCause.Busy, HangupSide.Remote);
        RemoveCall(call);
    }

    /// <summary><paramref name="leaver"/> hangs up, and the whole call ends: the other end is told, remotely.</summary>
    private void HangUp(SimEnd leaver, HangupCause cause, HangupSide side, HangupCause causeForOther)
    {
        var call = leaver.Call;
        Leave(leaver, cause, side);
        if (call.Other(leaver) is { } other)
        {
            Leave(other, causeForOther, HangupSide.Remote);
        }

        RemoveCall(call);
    }

    /// <summary>An end is gone: a line end's call ends (and so does anyone listening to it); an outside party just goes.</summary>
    private void Leave(SimEnd end, HangupCause cause, HangupSide side, string? transferTarget = null)
    {
        end.IsActive = false;
        LeaveConferences(end);
        if (end is ExternalEnd party)
        {
            if (_outsideParties.TryGetValue(party.OriginCallId, out var known) && ReferenceEquals(known, party))
            {
                _outsideParties.Remove(party.OriginCallId);
            }

            return;
        }

        var lineEnd = (LineEnd)end;
        WriteRecordingQuietly(lineEnd);
        Emit(new CallEnded(lineEnd.Key, cause, side) { TransferTarget = transferTarget });
        _lineEnds.Remove(lineEnd.Key);
        var line = _lines[lineEnd.Key.Line];
        line.Ends.Remove(lineEnd);
        if (line.Ends.Count == 0)
        {
            line.IdleSince = _time.GetUtcNow();
        }

        foreach (var listening in _calls.Values.Where(c => ReferenceEquals(c.Listened, lineEnd)).ToList())
        {
            Leave(listening.Caller, HangupCause.Normal, HangupSide.Remote);
            RemoveCall(listening);
        }
    }

    private void RemoveCall(SimCall call)
    {
        call.StopRinging();
        call.IsActive = false;
        _calls.Remove(call.Id);
    }

    private SimLine FindLine(string line) =>
        _lines.TryGetValue(line, out var found)
            ? found
            : throw new PbxCommandException($"Line {line} is not an extension of the simulator.");

    private LineEnd FindLineEnd(CallKey key) =>
        _lineEnds.TryGetValue(key, out var end)
            ? end
            : throw new PbxCommandException($"There is no active call {key.PbxCallId} on line {key.Line}.");

    private static string Describe(LineEnd end) => $"Call {end.Key.PbxCallId} on line {end.Key.Line}";
}
