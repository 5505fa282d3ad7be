using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// Blind and attended transfers. The transferring line leaves; the party it talked to moves into
// the sim call that rings (or talks to) the target, keeping its key if it is a line.
public sealed partial class SimulatedPbx
{
    public Task BlindTransferAsync(CallKey call, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Command(() =>
        {
            var end = FindTalkingEnd(call, "transferred");
            var current = end.Call;
            if (!current.IsConnected || current.Other(end) is not { } party)
            {
                throw new PbxCommandException($"{Describe(end)} is not connected to anyone yet, so there is nobody to transfer.");
            }

            if (ConsultationOf(end) is not null)
            {
                throw new PbxCommandException($"{Describe(end)} has a consultation in progress; complete or cancel that transfer first.");
            }

            RequireDiallable(target);
            if (string.Equals(target, end.Key.Line, StringComparison.Ordinal))
            {
                throw new PbxCommandException($"Line {end.Key.Line} cannot transfer a call to itself.");
            }

            if (string.Equals(target, party.Number, StringComparison.Ordinal))
            {
                throw new PbxCommandException($"{target} is the party being transferred; it cannot be transferred to itself.");
            }

            Leave(end, HangupCause.Transferred, HangupSide.Local, transferTarget: target);
            RemoveCall(current);
            var next = AddCall(NextCallId(), current.ConversationId, party);
            Route(next, target, redirectedFrom: end.Key.Line);
            if (party is LineEnd { IsActive: true } partyLine)
            {
                ChangeFarEnd(partyLine, target, farIsInside: IsInsideNumber(target), redirectedFrom: null);
            }
        }, cancellationToken);
    }

    public Task MakeConsultCallAsync(CallKey call, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Command(() =>
        {
            var held = FindTalkingEnd(call, "used for a consultation");
            if (!held.Call.IsConnected)
            {
                throw new PbxCommandException($"{Describe(held)} is not connected to anyone yet, so there is nothing to consult about.");
            }

            if (ConsultationOf(held) is { } existing)
            {
                throw new PbxCommandException($"{Describe(held)} already has a consultation ({existing.Key.PbxCallId}).");
            }

            RequireDiallable(target);
            if (string.Equals(target, held.Key.Line, StringComparison.Ordinal))
            {
                throw new PbxCommandException($"Line {held.Key.Line} cannot call itself.");
            }

            if (held.State == EndState.Connected)
            {
                held.State = EndState.Held;
                Emit(new CallHeld(held.Key));
            }

            var id = NextCallId();
            var consultation = AddLineEnd(new LineEnd(new CallKey(id, held.Key.Line), EndState.Dialing, placedCall: true, NextSequence())
            {
                Direction = IsInsideNumber(target) ? CallDirection.Internal : CallDirection.Outgoing,
                CallerNumber = held.Key.Line,
                CalleeNumber = target,
                ParentPbxCallId = held.Key.PbxCallId,
                ConsultedFrom = held,
            });
            var consultCall = AddCall(id, held.Call.ConversationId, consultation);
            Emit(consultation.ToAppeared(forResync: false));
            Route(consultCall, target, redirectedFrom: null);
        }, cancellationToken);
    }

    public Task CompleteTransferAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var (held, consultation) = FindConsultation(heldCall, consultCall);
            var party = held.Call.Other(held)!;
            var joined = consultation.Call;
            var target = consultation.CalleeNumber;
            if (party is LineEnd partyEnd && joined.Callee is LineEnd consultedEnd
                && string.Equals(partyEnd.Key.Line, consultedEnd.Key.Line, StringComparison.Ordinal))
            {
                throw new PbxCommandException($"Line {partyEnd.Key.Line} is both the held party and the consulted one; it cannot be transferred to itself.");
            }

            Leave(held, HangupCause.Transferred, HangupSide.Local, transferTarget: target);
            Leave(consultation, HangupCause.Transferred, HangupSide.Local, transferTarget: target);
            RemoveCall(held.Call);

            // The held party takes the transferring line's place in the consultation, ringing or connected as it is.
            joined.Caller = party;
            party.Call = joined;
            if (joined.Callee is LineEnd consulted)
            {
                ChangeFarEnd(consulted, party.Number, farIsInside: party is LineEnd, redirectedFrom: held.Key.Line);
            }

            if (party is LineEnd partyLine)
            {
                var farNumber = joined.Callee?.Number ?? joined.Queue!.Number;
                ChangeFarEnd(partyLine, farNumber, farIsInside: joined.Callee is not ExternalEnd, redirectedFrom: null);
            }
        }, cancellationToken);

    public Task CancelTransferAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var (held, consultation) = FindConsultation(heldCall, consultCall);
            HangUp(consultation, HangupCause.Normal, HangupSide.Local, HangupCause.Normal);
            held.State = EndState.Connected;
            Emit(new CallUnheld(held.Key));
        }, cancellationToken);

    private (LineEnd Held, LineEnd Consultation) FindConsultation(CallKey heldCall, CallKey consultCall)
    {
        var held = FindLineEnd(heldCall);
        var consultation = FindLineEnd(consultCall);
        if (!ReferenceEquals(consultation.ConsultedFrom, held))
        {
            throw new PbxCommandException($"{Describe(consultation)} is not a consultation made from call {heldCall.PbxCallId} on line {heldCall.Line}.");
        }

        return held.State == EndState.Held
            ? (held, consultation)
            : throw new PbxCommandException($"{Describe(held)} is not on hold, so there is no transfer to complete or cancel.");
    }

    /// <summary>
    /// A line end now talks to someone else. It keeps its side of the call (caller or callee) and only the
    /// far number changes, with the direction that follows from it.
    /// </summary>
    private void ChangeFarEnd(LineEnd end, string farNumber, bool farIsInside, string? redirectedFrom)
    {
        end.Direction = farIsInside ? CallDirection.Internal
            : end.PlacedCall ? CallDirection.Outgoing
            : CallDirection.Incoming;
        end.CallerNumber = end.PlacedCall ? end.Key.Line : farNumber;
        end.CalleeNumber = end.PlacedCall ? farNumber : end.Key.Line;
        end.RedirectedFrom = redirectedFrom ?? end.RedirectedFrom;
        Emit(new CallPartyChanged(end.Key, end.CallerNumber, null, end.CalleeNumber)
        {
            Direction = end.Direction,
            RedirectedFrom = redirectedFrom,
        });
    }
}
