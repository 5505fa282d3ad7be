using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;

namespace Switchboard.Connectors.Asterisk.Mapping;

// Channel life and dialplan progress: Newchannel, Newstate, NewCallerid, NewConnectedLine, Newexten, Rename,
// LocalBridge, VarSet (attended transfers) and OriginateResponse. A line's channel that rings nobody's Dial
// (its phone called the PBX, or an Originate rang it) waits here until the dialplan shows what it is for.
public sealed partial class AmiCallMapper
{
    // Dialplan applications that do not tell what a call is for: the next one will.
    private static readonly HashSet<string> PassThroughApplications = new(StringComparer.OrdinalIgnoreCase)
    {
        "NoOp", "Set", "MSet", "Verbose", "Log", "Goto", "GotoIf", "GotoIfTime", "Gosub", "GosubIf", "Return",
        "Macro", "MacroExit", "MacroIf", "ExecIf", "ExecIfTime", "Answer", "Progress", "Ringing", "Wait", "AGI",
        "AppDial", "AppDial2", "MixMonitor", "StopMixMonitor", "UserEvent", "CELGenUserEvent", "PJSIPAddHeader",
        "SIPAddHeader", "Proceeding", "Stasis",
    };

    // Applications whose call is told by a later event: ChanSpyStart, UnParkedCall, Pickup.
    private static readonly HashSet<string> AwaitedApplications = new(StringComparer.OrdinalIgnoreCase)
    {
        "ChanSpy", "ExtenSpy", "ParkedCall", "Pickup", "PickupChan", "DPickup",
    };

    // Manager events, Newchannel: a channel appeared.
    private Outcome OnNewchannel(AmiMessage message)
    {
        if (message["Uniqueid"] is not { Length: > 0 } uniqueid || message["Channel"] is not { Length: > 0 } name)
        {
            return Outcome.Skipped;
        }

        var channel = _channels.Get(uniqueid)
            ?? _channels.Add(uniqueid, name, message["Linkedid"] ?? uniqueid, _lines.LineOf(name));
        Refresh(channel, message);
        NoticeDialling(channel);
        return Outcome.Used;
    }

    // Newstate: Ring on a line's channel that nobody dialled is its phone calling the PBX; Up answers.
    private Outcome OnNewstate(AmiMessage message)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        NoticeDialling(channel);
        if (channel.IsLine && channel.IsUp)
        {
            LineUp(channel);
        }

        return Outcome.Used;
    }

    // NewCallerid, NewConnectedLine: the channel's caller ID or connected line changed.
    private Outcome OnSnapshot(AmiMessage message)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        return Outcome.Used;
    }

    // Newexten: the channel runs a dialplan step. On a waiting line channel it may say what the call is for;
    // on a channel that was bridged it means the channel was moved (a Redirect).
    private Outcome OnNewexten(AmiMessage message)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        channel.DialplanSeq = _seq;
        NoteSpyOptions(channel, message["Application"], message["AppData"]);
        if (message["Application"] is { Length: > 0 } application && WaitingLineFor(channel) is { } line)
        {
            Classify(line, application, channel);
        }

        return Outcome.Used;
    }

    // Rename: the channel has a new name (Uniqueid stays).
    private Outcome OnRename(AmiMessage message)
    {
        if (Channel(message) is not { } channel || message["Newname"] is not { Length: > 0 } name)
        {
            return Outcome.Skipped;
        }

        _channels.Rename(channel, name);
        return Outcome.Used;
    }

    // LocalBridge: the two halves of a Local channel pair.
    private Outcome OnLocalBridge(AmiMessage message)
    {
        if (Channel(message, "LocalOne") is not { } one || Channel(message, "LocalTwo") is not { } two)
        {
            return Outcome.Skipped;
        }

        ChannelTable.Pair(one, two);
        return Outcome.Used;
    }

    // VarSet: MIXMONITOR_FILENAME (see AmiCallMapper.Recording.cs), ATTENDEDTRANSFER and TRANSFERERNAME. Asterisk sets the last two on the Local channel it
    // requests for an attended transfer (bridge_basic.c, dial_transfer), naming the transferer's channel; the
    // ;2 half inherits them when it is called, before or after the LocalBridge that pairs the two. The pair is
    // one consultation, owned by the ;1 half (the one that joins the transferer), whichever half speaks first.
    private Outcome OnVarSet(AmiMessage message)
    {
        var variable = message["Variable"];
        if (string.Equals(variable, RecordingVariable, StringComparison.OrdinalIgnoreCase))
        {
            return OnRecordingFile(message);
        }

        if (!string.Equals(variable, "ATTENDEDTRANSFER", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(variable, "TRANSFERERNAME", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Ignored;
        }

        if (string.IsNullOrEmpty(message["Value"]))
        {
            // Cleared when the transfer's bridges merge: nothing to learn.
            return Outcome.Ignored;
        }

        if (Channel(message) is not { } local || _channels.ByName(message["Value"]) is not { } transferer)
        {
            return Outcome.Skipped;
        }

        var owner = local.Name.EndsWith(";2", StringComparison.Ordinal) && _channels.Partner(local) is { } first ? first : local;
        if (owner.IsLocal && owner.TransferOf is null)
        {
            BindAttendedTransfer(owner, transferer);
        }

        return Outcome.Used;
    }

    // OriginateResponse: an Originate into an application (ChanSpy) says so only here and in the events that follow.
    private Outcome OnOriginateResponse(AmiMessage message)
    {
        var channel = _channels.Get(message["Uniqueid"]);
        if (channel is not null)
        {
            NoteSpyOptions(channel, message["Application"], message["Data"]);
        }

        if (channel is not null && message["Application"] is { Length: > 0 } application
            && WaitingLineFor(channel) is { } line)
        {
            Classify(line, application, channel);
        }

        return Outcome.Used;
    }

    /// <summary>A line's channel in state Ring that no Dial rang: its phone is calling the PBX.</summary>
    private void NoticeDialling(AmiChannel channel)
    {
        if (channel.IsLine && channel.State == AmiChannel.StateRing && channel.Pending == PendingKind.None
            && channel.DialedBy is null && !_calls.HasCallsOn(channel.Uniqueid))
        {
            channel.Pending = PendingKind.Dialled;
        }
    }

    /// <summary>The waiting line channel that a dialplan step on <paramref name="channel"/> speaks for.</summary>
    private AmiChannel? WaitingLineFor(AmiChannel channel)
    {
        if (channel.IsLine)
        {
            return IsPending(channel) ? channel : null;
        }

        return channel.IsLocal && _channels.Beyond(channel, null).Real is { } real && IsPending(real) ? real : null;
    }

    /// <summary>What the application a waiting line channel runs says about its call.</summary>
    private void Classify(AmiChannel line, string application, AmiChannel runner)
    {
        if (PassThroughApplications.Contains(application))
        {
            return;
        }

        if (AwaitedApplications.Contains(application))
        {
            // The call appears with the spy (ChanSpyStart), the retrieval (UnParkedCall) or the pickup (Pickup), which say more.
            line.AwaitingApplication = application;
            return;
        }

        var number = runner.DialledExten ?? line.DialledExten ?? line.CallerIdNum;
        var toParty = application.Equals("Dial", StringComparison.OrdinalIgnoreCase)
            || application.Equals("Queue", StringComparison.OrdinalIgnoreCase);
        StartPlaced(line, number, answersWhenUp: !toParty);
    }

    /// <summary>A line's channel is up: an incoming call is answered, a call to an application is connected.</summary>
    private void LineUp(AmiChannel channel)
    {
        foreach (var call in _calls.On(channel.Uniqueid))
        {
            if (!string.Equals(call.LineUid, channel.Uniqueid, StringComparison.Ordinal))
            {
                continue;
            }

            if (call.ResumesWhenUp)
            {
                call.ResumesWhenUp = false;
                SetHeld(call, false);
            }
            else if (!call.PlacedByLine || call.AnswersWhenUp)
            {
                Answer(call);
            }
        }
    }
}
