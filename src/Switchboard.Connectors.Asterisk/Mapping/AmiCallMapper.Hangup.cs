using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// HangupRequest / SoftHangupRequest (who asked first) and Hangup (Cause). A line call ends when its line's channel
// goes, unless its party waits parked or on music on hold (the call waits too), or was moved elsewhere by a
// Redirect (a transfer), or the line is in the middle of an attended transfer (AttendedTransfer will tell).
public sealed partial class AmiCallMapper
{
    // Manager events, HangupRequest: the channel's side asked (a BYE, the Hangup app); SoftHangupRequest: the
    // PBX was asked to end it (AMI Hangup, a bridge ending because the other side left). The first request of
    // the two sides of a call tells who hung up.
    private Outcome OnHangupRequest(AmiMessage message)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        channel.RequestSeq ??= _seq;
        return Outcome.Used;
    }

    // Hangup: Cause (Q.850) and Cause-txt.
    private Outcome OnHangup(AmiMessage message)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        channel.HangupCause = HangupCauses.ParseCode(message["Cause"]);
        foreach (var call in _calls.On(channel.Uniqueid))
        {
            if (call.IsConsultationLeg && string.Equals(call.OriginUid, channel.Uniqueid, StringComparison.Ordinal))
            {
                EndConsultationLeg(call, channel);
            }
            else if (string.Equals(call.LineUid, channel.Uniqueid, StringComparison.Ordinal))
            {
                EndOrKeep(call, channel);
            }
        }

        foreach (var call in _calls.Facing(channel.Uniqueid))
        {
            call.FarGoneSeq ??= channel.RequestSeq ?? _seq;
            if (_channels.Get(call.LineUid) is null)
            {
                // The party of a call that waited without a line channel left.
                End(call, HangupCause.Normal, HangupSide.Remote);
            }
        }

        if (IsPending(channel))
        {
            EndUnclassified(channel);
        }

        if (_channels.Remove(channel))
        {
            _calls.ForgetConversation(channel.Linkedid);
        }

        return Outcome.Used;
    }

    private void EndOrKeep(LineCall call, AmiChannel channel)
    {
        var far = _channels.Get(call.FarUid);
        var quietly = channel.RequestSeq is null && far is not null && far.RequestSeq is null;
        if (call.Answered && quietly && (far!.ParkingSpace is not null || (call.Held && far.OnMusicOnHold)))
        {
            // Hold by parking (or by music on hold): the PBX let go of the line's channel; the call waits for it.
            _calls.SetLineChannel(call, null);
            return;
        }

        if (call.Answered && quietly && far!.BridgeEnterSeq > 0 && far.DialplanSeq > far.BridgeEnterSeq)
        {
            // The party was moved on in the dialplan (AMI Redirect) and the line was dropped: a blind transfer.
            far.TransferredByLine = call.Line;
            End(call, HangupCause.Transferred, HangupSide.Local, far.DialledExten ?? "");
            return;
        }

        if (_calls.On(channel.Uniqueid).Any(c => c.IsConsultationLeg && !c.Ended && _channels.Get(c.OriginUid) is not null))
        {
            // The transferer left during a consultation: Asterisk completes the transfer (AttendedTransfer), or
            // the consultation's end will end these calls.
            return;
        }

        End(call, CauseOf(call, channel, far), SideOf(call, channel));
    }

    /// <summary>The Local channel of an attended transfer is gone: the consultation ended (cancelled, or the target left).</summary>
    private void EndConsultationLeg(LineCall consultation, AmiChannel local)
    {
        var lineUid = consultation.LineUid ?? "";
        End(consultation, consultation.Answered ? HangupCause.Normal : consultation.DialOutcome ?? HangupCause.Normal,
            SideOf(consultation, local));
        if (_channels.Get(lineUid) is null)
        {
            // The transferer had gone too, and no transfer came of it: its held call ends with it.
            foreach (var call in _calls.On(lineUid))
            {
                End(call, HangupCause.Normal, HangupSide.Local);
            }
        }
    }

    /// <summary>A line's channel went before it was known what for: a call placed by the line that came to nothing.</summary>
    private void EndUnclassified(AmiChannel channel)
    {
        var originated = channel.Pending == PendingKind.Originated;
        var number = originated ? channel.CallerIdNum : channel.DialledExten ?? channel.CallerIdNum;
        if (string.Equals(number, channel.Line, StringComparison.Ordinal))
        {
            number = "";
        }

        if (StartPlaced(channel, number, answersWhenUp: false) is not { } call)
        {
            return;
        }

        // An Originate the agent did not pick up is a call the line gave up on; one its phone could not take failed.
        var refusal = HangupCauses.FromDialStatus(channel.DialStatus);
        var cause = originated
            ? refusal is null or HangupCause.NoAnswer ? HangupCause.Normal : HangupCause.Failed
            : HangupCauses.FromCode(channel.HangupCause);
        End(call, cause, originated ? HangupSide.Local : SideOf(call, channel));
    }

    private static HangupCause CauseOf(LineCall call, AmiChannel channel, AmiChannel? far)
    {
        if (call.Answered)
        {
            return HangupCause.Normal;
        }

        var code = channel.HangupCause;
        if (HangupCauses.IsSpecific(code))
        {
            return HangupCauses.FromCode(code);
        }

        if (call.PlacedByLine)
        {
            return call.DialOutcome ?? HangupCauses.FromCode(code);
        }

        if (channel.RingNoAnswer)
        {
            return HangupCause.NoAnswer;
        }

        if (HangupCauses.FromDialStatus(channel.DialStatus) is { } refusal)
        {
            return refusal;
        }

        if (HangupCauses.IsCancel(channel.DialStatus))
        {
            // The Dial stopped ringing this line: the caller gave up, or someone else answered (a queue).
            var callerLeft = call.FarGoneSeq is not null || far?.RequestSeq is not null;
            return callerLeft ? HangupCause.Normal : HangupCause.NoAnswer;
        }

        return HangupCauses.FromCode(code);
    }

    /// <summary>The side that asked to hang up first: the line's (its channel or the call's origin) or the far party's.</summary>
    private HangupSide SideOf(LineCall call, AmiChannel channel)
    {
        var own = channel.RequestSeq;
        if (_channels.Get(call.OriginUid) is { RequestSeq: { } originRequest } && (own is null || originRequest < own))
        {
            own = originRequest;
        }

        var far = call.FarGoneSeq ?? _channels.Get(call.FarUid)?.RequestSeq;
        if (own is not null && (far is null || own < far))
        {
            return HangupSide.Local;
        }

        return far is not null ? HangupSide.Remote : HangupSide.Unknown;
    }
}
