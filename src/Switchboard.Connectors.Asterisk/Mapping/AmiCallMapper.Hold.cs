using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Mapping;

// Hold / Unhold (the phone's own hold, on the line's channel) and MusicOnHoldStart / Stop (on the party put on
// hold: by the phone, by a Redirect to music on hold, or by parking). Either says hold; the first one counts.
public sealed partial class AmiCallMapper
{
    // Manager events, Hold / Unhold: the channel that asked for hold (a SIP re-INVITE sendonly, or the bridge on a transfer).
    private Outcome OnHold(AmiMessage message, bool held)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        if (!channel.IsLine)
        {
            return Outcome.Used;
        }

        var call = held
            ? Newest(channel.Uniqueid, c => c.Answered && !c.Held && !c.IsListening && IsOnChannel(c, channel))
            : Newest(channel.Uniqueid, c => c.Held && c.ParkingSpace is null && IsOnChannel(c, channel));
        if (call is not null)
        {
            SetHeld(call, held);
        }

        return Outcome.Used;
    }

    // MusicOnHoldStart / MusicOnHoldStop: on the party that waits. Its line calls are on hold while it hears music.
    private Outcome OnMusicOnHold(AmiMessage message, bool playing)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        channel.OnMusicOnHold = playing;
        foreach (var call in _calls.Facing(channel.Uniqueid))
        {
            if (playing)
            {
                SetHeld(call, true);
            }
            else if (call.ParkingSpace is null && _channels.Get(call.LineUid) is not null)
            {
                // A parked call comes back with UnParkedCall; one without a line channel when the line takes it back.
                SetHeld(call, false);
            }
        }

        return Outcome.Used;
    }

    private static bool IsOnChannel(Internal.LineCall call, Internal.AmiChannel channel) =>
        string.Equals(call.LineUid, channel.Uniqueid, StringComparison.Ordinal);
}
