using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// ParkedCall / UnParkedCall / ParkedCallGiveUp / ParkedCallTimeOut (res_parking): hold by parking. The line's
// channel is hung up once its party is parked; the call waits without a channel and keeps its key until the
// line takes the party back (the same call, off hold), someone else does (a transfer), or the party leaves.
public sealed partial class AmiCallMapper
{
    // Manager events, ParkedCall: the Parkee… block, ParkingSpace, ParkerDialString.
    private Outcome OnParkedCall(AmiMessage message)
    {
        if (Channel(message, "Parkee") is not { } parkee || message["ParkingSpace"] is not { Length: > 0 } space)
        {
            return Outcome.Skipped;
        }

        Refresh(parkee, message, "Parkee");
        parkee.ParkingSpace = space;
        foreach (var call in _calls.Facing(parkee.Uniqueid))
        {
            if (call.Answered)
            {
                call.ParkingSpace = space;
                SetHeld(call, true);
            }
        }

        return Outcome.Used;
    }

    // UnParkedCall: the Parkee… and Retriever… blocks.
    private Outcome OnUnParkedCall(AmiMessage message)
    {
        if (Channel(message, "Parkee") is not { } parkee)
        {
            return Outcome.Skipped;
        }

        Refresh(parkee, message, "Parkee");
        parkee.ParkingSpace = null;
        var retriever = Channel(message, "Retriever");
        var line = retriever is null ? null
            : retriever.IsLine ? retriever
            : _channels.Beyond(retriever, parkee).Real is { IsLine: true } real ? real
            : null;
        var parked = _calls.Facing(parkee.Uniqueid).Where(c => c.ParkingSpace is not null).ToList();
        var own = line is null ? null : parked.FirstOrDefault(c => string.Equals(c.Line, line.Line, StringComparison.Ordinal));
        if (own is not null && line is not null && !_calls.HasCallsOn(line.Uniqueid))
        {
            // The line took its own call back: the same call, off hold.
            line.Pending = PendingKind.None;
            line.AwaitingApplication = null;
            _calls.SetLineChannel(own, line.Uniqueid);
            own.ParkingSpace = null;
            SetHeld(own, false);
            return Outcome.Used;
        }

        // Someone else took the parked party: for the line that parked it, a transfer.
        var target = line?.Line ?? (retriever is null ? "" : PartyNumber(retriever));
        foreach (var call in parked)
        {
            End(call, HangupCause.Transferred, HangupSide.Local, target);
            parkee.TransferredByLine = call.Line;
        }

        if (line is not null && !_calls.HasCallsOn(line.Uniqueid))
        {
            StartRetrieved(line, parkee, parked.FirstOrDefault()?.Line);
        }

        return Outcome.Used;
    }

    // ParkedCallGiveUp (the parked party hung up) / ParkedCallTimeOut (it goes back to the parker: ringing the
    // line again, which DialBegin takes for the same call).
    private Outcome OnParkedCallGone(AmiMessage message, bool gaveUp)
    {
        if (Channel(message, "Parkee") is not { } parkee)
        {
            return Outcome.Skipped;
        }

        parkee.ParkingSpace = null;
        foreach (var call in _calls.Facing(parkee.Uniqueid))
        {
            if (call.ParkingSpace is null)
            {
                continue;
            }

            if (gaveUp)
            {
                End(call, HangupCause.Normal, HangupSide.Remote);
            }
            else
            {
                call.ParkingSpace = null;
            }
        }

        return Outcome.Used;
    }

    /// <summary>A line took a party parked by another line (or by nobody we know): a call of its own, connected.</summary>
    private void StartRetrieved(AmiChannel line, AmiChannel parkee, string? parkedBy)
    {
        var conversation = parkee.Linkedid;
        if (_calls.FreeKey(conversation, line.Line!, conversation, line.Uniqueid) is not { } key)
        {
            return;
        }

        var caller = PartyNumber(parkee);
        var call = new LineCall(key, conversation)
        {
            Direction = parkee.IsLine ? CallDirection.Internal : CallDirection.Incoming,
            CallerNumber = caller,
            CallerName = AmiFields.CleanName(parkee.CallerIdName, caller),
            CalleeNumber = line.Line!,
            RedirectedFrom = parkedBy,
            LineUid = line.Uniqueid,
            OriginUid = line.Uniqueid,
            FarUid = parkee.Uniqueid,
            Order = ++_callOrder,
        };
        Begin(line, call);
        Answer(call);
    }
}
