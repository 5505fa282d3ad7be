using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// ChanSpyStart (app_chanspy): a supervisor's channel listens to another. Whisper and barge look the same on AMI;
// all three are a listening call of the supervisor's line, and the mode comes from ChanSpy's options (Newexten's
// AppData, OriginateResponse's Data) or else from the code the supervisor dialled. ChanSpyStop needs nothing:
// the spy's hangup ends it, and with it what the agent is shown.
// Pickup (features, app_directed_pickup): a line answers a call that rings another line.
public sealed partial class AmiCallMapper
{
    // Manager events, ChanSpyStart: the Spyer… and Spyee… blocks.
    private Outcome OnChanSpyStart(AmiMessage message)
    {
        if (Channel(message, "Spyer") is not { } spyer)
        {
            return Outcome.Skipped;
        }

        Refresh(spyer, message, "Spyer");
        var line = RealOf(spyer);
        if (line is not { IsLine: true } || _calls.HasCallsOn(line.Uniqueid))
        {
            return Outcome.Used;
        }

        var spyee = RealOf(Channel(message, "Spyee"));
        var listened = spyee is null ? AmiFields.Clean(message["SpyeeCallerIDNum"]) : PartyNumber(spyee);
        // The listening call belongs to the conversation it listens to, as the simulator's does; its key is
        // the supervisor's own channel (an Originate or the phone's call starts a Linkedid of its own).
        var conversation = message["SpyeeLinkedid"] ?? spyee?.Linkedid ?? line.Linkedid;
        var spied = spyee is { IsLine: true }
            ? Newest(spyee.Uniqueid, c => c.Answered && !c.IsListening && IsOnChannel(c, spyee))
            : null;
        if (_calls.FreeKey(conversation, line.Line!, line.Linkedid, line.Uniqueid) is not { } key)
        {
            return Outcome.Used;
        }

        var call = new LineCall(key, conversation)
        {
            Direction = CallDirection.Internal,
            CallerNumber = line.Line!,
            CalleeNumber = listened,
            PlacedByLine = true,
            IsListening = true,
            SupervisionMode = ModeOf(spyer, line, message["SpyerExten"]),
            SupervisedCall = spied?.Key,
            LineUid = line.Uniqueid,
            OriginUid = line.Uniqueid,
            Order = ++_callOrder,
        };
        Begin(line, call);
        Answer(call);
        return Outcome.Used;
    }

    private static void NoteSpyOptions(AmiChannel channel, string? application, string? data)
    {
        if (string.Equals(application, "ChanSpy", StringComparison.OrdinalIgnoreCase) && data is not null)
        {
            var comma = data.IndexOf(',', StringComparison.Ordinal);
            channel.SpyOptions = comma < 0 ? "" : data[(comma + 1)..];
        }
    }

    private SupervisionMode ModeOf(AmiChannel spyer, AmiChannel line, string? dialled) =>
        SpyModes.FromOptions(spyer.SpyOptions ?? line.SpyOptions)
            ?? _spyModes.FromCode(dialled ?? line.DialledExten)
            ?? SupervisionMode.Listen;

    // Manager events, Pickup: the picking channel's block and the Target… block of the ringing channel it takes.
    private Outcome OnPickup(AmiMessage message)
    {
        if (Channel(message) is not { } picker || Channel(message, "Target") is not { } target)
        {
            return Outcome.Skipped;
        }

        Refresh(picker, message);
        var rung = target.IsLine ? Newest(target.Uniqueid, c => !c.Answered && IsOnChannel(c, target)) : null;
        var caller = _channels.Get(rung?.FarUid) ?? RealOf(_channels.Get(target.DialedBy));
        if (rung is not null)
        {
            // For the line that rang, a colleague answered it: like a queue call answered elsewhere, missed.
            End(rung, HangupCause.NoAnswer, HangupSide.Remote);
        }

        var line = RealOf(picker);
        if (line is not { IsLine: true } || _calls.HasCallsOn(line.Uniqueid) || caller is null)
        {
            return Outcome.Used;
        }

        var conversation = caller.Linkedid;
        if (_calls.FreeKey(conversation, line.Line!, conversation, line.Uniqueid) is not { } key)
        {
            return Outcome.Used;
        }

        var number = PartyNumber(caller);
        var call = new LineCall(key, conversation)
        {
            Direction = caller.IsLine ? CallDirection.Internal : CallDirection.Incoming,
            CallerNumber = number,
            CallerName = AmiFields.CleanName(caller.CallerIdName, number),
            CalleeNumber = rung?.CalleeNumber ?? target.Line ?? line.Line!,
            LineUid = line.Uniqueid,
            OriginUid = line.Uniqueid,
            FarUid = caller.Uniqueid,
            Order = ++_callOrder,
        };
        Begin(line, call);
        Answer(call);
        return Outcome.Used;
    }
}
