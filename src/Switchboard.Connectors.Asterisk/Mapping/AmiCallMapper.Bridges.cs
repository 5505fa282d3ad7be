using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;

namespace Switchboard.Connectors.Asterisk.Mapping;

// BridgeCreate / BridgeEnter / BridgeLeave / BridgeDestroy: who talks to whom. Entering a bridge connects a call
// the line placed, takes back a call that waited without a channel, and may give a call a new far party.
public sealed partial class AmiCallMapper
{
    // Manager events, BridgeCreate: BridgeUniqueid, BridgeType (basic, parking, base for ConfBridge), BridgeTechnology.
    private Outcome OnBridgeCreate(AmiMessage message)
    {
        if (message["BridgeUniqueid"] is not { Length: > 0 } id)
        {
            return Outcome.Skipped;
        }

        _channels.EnsureBridge(id, message["BridgeType"], message["BridgeTechnology"]);
        return Outcome.Used;
    }

    // BridgeEnter: a bridge snapshot and the channel that entered.
    private Outcome OnBridgeEnter(AmiMessage message)
    {
        if (Channel(message) is not { } channel || message["BridgeUniqueid"] is not { Length: > 0 } id)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        var bridge = _channels.EnsureBridge(id, message["BridgeType"], message["BridgeTechnology"]);
        _channels.Enter(channel, bridge);
        channel.BridgeEnterSeq = _seq;
        ThreeWayEntered(bridge, channel);
        if (channel.IsLine)
        {
            BindLoneTransferLocal(channel, bridge);
        }

        foreach (var line in LinesAround(bridge))
        {
            Reconsider(line);
        }

        return Outcome.Used;
    }

    // BridgeLeave: the channel left the bridge.
    private Outcome OnBridgeLeave(AmiMessage message)
    {
        if (Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        ThreeWayLeft(_channels.Bridge(channel.BridgeId), channel);
        _channels.Leave(channel);
        return Outcome.Used;
    }

    private Outcome OnBridgeDestroy(AmiMessage message)
    {
        if (message["BridgeUniqueid"] is not { Length: > 0 } id)
        {
            return Outcome.Skipped;
        }

        _channels.DestroyBridge(id);
        return Outcome.Used;
    }

    /// <summary>The line channels whose calls a change of this bridge may touch: its members, and those behind its Local members.</summary>
    private List<AmiChannel> LinesAround(AmiBridge bridge)
    {
        var lines = new List<AmiChannel>();
        foreach (var member in bridge.Members)
        {
            var line = member.IsLine ? member : member.IsLocal ? _channels.Beyond(member, null).Real : null;
            if (line is { IsLine: true } && !lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>After a bridge change: a waiting line channel gets its call, and the line's calls their far party.</summary>
    private void Reconsider(AmiChannel line)
    {
        if (IsPending(line) && line.AwaitingApplication is null && _channels.FarOf(line) is { } partner)
        {
            if (!Reattach(line, partner))
            {
                StartPlaced(line, line.DialledExten ?? line.CallerIdNum, answersWhenUp: false);
            }
        }

        foreach (var call in _calls.On(line.Uniqueid))
        {
            if (call.Ended || call.Held || call.IsListening || FarOfCall(call) is not { } far)
            {
                continue;
            }

            if (call.PlacedByLine && !call.Answered && far.IsUp)
            {
                Answer(call);
            }

            if (!string.Equals(far.Uniqueid, call.FarUid, StringComparison.Ordinal))
            {
                // The first party found is no change; another one after it is.
                var hadFar = call.FarUid is not null;
                var before = _channels.Get(call.FarUid);
                _calls.SetFar(call, far.Uniqueid);
                if (hadFar)
                {
                    ChangeParty(call, far, RedirectionFor(call, before));
                }
            }
        }
    }

    /// <summary>
    /// The line that handed this call over, when its far party was a transferring line: a line whose consultation
    /// talked to this call's line. The party transferred away (the held side) is not "redirected from".
    /// </summary>
    private string? RedirectionFor(LineCall call, AmiChannel? before)
    {
        if (before is not { IsLine: true } || call.LineUid is null)
        {
            return null;
        }

        foreach (var other in _calls.On(before.Uniqueid))
        {
            if ((other.IsConsultationLeg || other.ParentPbxCallId is not null)
                && string.Equals(other.FarUid, call.LineUid, StringComparison.Ordinal))
            {
                return before.Line;
            }
        }

        return null;
    }
}
