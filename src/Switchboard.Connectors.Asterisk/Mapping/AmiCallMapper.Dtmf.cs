using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// DTMFBegin / DTMFEnd: one DtmfSeen per digit, on DTMFEnd, for a line's channel, whichever the Direction (Received:
// the phone pressed it; Sent: the far party's digit reached the phone). SIP INFO digits come without DTMFBegin.
public sealed partial class AmiCallMapper
{
    private Outcome OnDtmfEnd(AmiMessage message)
    {
        if (Channel(message) is not { } channel || message["Digit"] is not { Length: > 0 } digit)
        {
            return Outcome.Skipped;
        }

        if (!channel.IsLine)
        {
            return Outcome.Used;
        }

        // The call the line talks on: a consultation rather than the call it holds.
        var call = Newest(channel.Uniqueid, c => !c.Held && IsOnChannel(c, channel))
            ?? Newest(channel.Uniqueid, c => IsOnChannel(c, channel));
        if (call is not null)
        {
            _facts.Add(new DtmfSeen(call.Key, digit[0]));
        }

        return Outcome.Used;
    }
}
