using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// DialBegin / DialEnd: who rings whom. A line's channel rung by a Dial gets its call here (incoming, or internal
// when a line's channel is behind the Dial); a line that dials places its call; an Originate rings with no caller.
public sealed partial class AmiCallMapper
{
    // Manager events, DialBegin: the caller block (absent for an Originate) and the Dest block.
    private Outcome OnDialBegin(AmiMessage message)
    {
        if (Channel(message, "Dest") is not { } dest)
        {
            return Outcome.Skipped;
        }

        Refresh(dest, message, "Dest");
        if (message["Uniqueid"] is null && message["Channel"] is null)
        {
            // AMI Originate: the PBX rings the channel itself; once answered, the dialplan says what for.
            if (dest.IsLine && !_calls.HasCallsOn(dest.Uniqueid))
            {
                dest.Pending = PendingKind.Originated;
            }

            return Outcome.Used;
        }

        if (Channel(message) is not { } dialer)
        {
            return Outcome.Skipped;
        }

        Refresh(dialer, message);
        if (!dialer.Dialing.Contains(dest.Uniqueid))
        {
            dialer.Dialing.Add(dest.Uniqueid);
        }

        dest.DialedBy = dialer.Uniqueid;
        var number = dialer.DialledExten ?? AmiFields.NumberFromDialString(message["DialString"]);
        if (!dest.IsLine)
        {
            dest.DialedNumber = number;
        }

        var (origin, stuckAt) = dialer.IsLocal ? _channels.Beyond(dialer, dest) : (dialer, null);
        if (origin is not null && IsPending(origin))
        {
            StartPlaced(origin, number, answersWhenUp: false);
        }
        else if (PlacedCallOf(dialer, dest) is { Answered: false } placed && _channels.Beyond(dest, dialer).Real is { } far)
        {
            _calls.SetFar(placed, far.Uniqueid);
        }

        if (dest.IsLine && !_calls.HasCallsOn(dest.Uniqueid))
        {
            if (origin is null)
            {
                // Rung through a Local pair that nobody dialled (an Originate of a Local channel, or the Local
                // channel of an attended transfer not bound yet): the call appears when it is known what for.
                dest.Pending = PendingKind.Originated;
                dest.PendingVia = stuckAt?.Uniqueid;
            }
            else
            {
                StartIncoming(dest, origin, dialer);
            }
        }

        return Outcome.Used;
    }

    // DialEnd: DialStatus ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL... (the same event may come twice).
    private Outcome OnDialEnd(AmiMessage message)
    {
        if (Channel(message, "Dest") is not { } dest)
        {
            return Outcome.Skipped;
        }

        Refresh(dest, message, "Dest");
        var status = message["DialStatus"];
        dest.DialStatus = status;
        var answered = HangupCauses.IsAnswer(status);
        if (answered && dest.IsLine)
        {
            foreach (var call in _calls.On(dest.Uniqueid))
            {
                if (!call.PlacedByLine && string.Equals(call.LineUid, dest.Uniqueid, StringComparison.Ordinal))
                {
                    Answer(call);
                }
            }
        }

        if (Channel(message) is not { } dialer)
        {
            return Outcome.Used;
        }

        Refresh(dialer, message);
        if (answered)
        {
            dialer.AnsweredDest = dest.Uniqueid;
        }
        else
        {
            dialer.Dialing.Remove(dest.Uniqueid);
        }

        if (PlacedCallOf(dialer, dest) is not { } placed)
        {
            return Outcome.Used;
        }

        if (answered)
        {
            if (_channels.Beyond(dest, dialer).Real is { } far)
            {
                _calls.SetFar(placed, far.Uniqueid);
            }

            Answer(placed);
        }
        else if (HangupCauses.FromDialStatus(status) is { } refusal && !placed.Answered && dialer.Dialing.Count == 0)
        {
            placed.DialOutcome = refusal;
            if (refusal == HangupCause.Busy && !placed.RemoteBusySaid)
            {
                placed.RemoteBusySaid = true;
                _facts.Add(new CallRemoteBusy(placed.Key));
            }
        }

        return Outcome.Used;
    }
}
