using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// ConfbridgeJoin, ConfbridgeLeave, ConfbridgeEnd (app_confbridge): who is in a conference. A conference is named by
// its BridgeUniqueid (one per time the room is opened; Conference is only the room's name) and each member by its
// channel. ConfBridge's own announcer (CBAnn/…) gets no Join and stays out. ConfbridgeStart adds nothing a Join
// does not say.
public sealed partial class AmiCallMapper
{
    // Manager events, ConfbridgeJoin: Conference, BridgeUniqueid and the member's channel block.
    private Outcome OnConfbridgeJoin(AmiMessage message)
    {
        if (ConferenceOf(message) is not { } conference || Channel(message) is not { } channel)
        {
            return Outcome.Skipped;
        }

        Refresh(channel, message);
        JoinConference(conference.Id, conference.Name, channel);
        return Outcome.Used;
    }

    private void JoinConference(string id, string name, AmiChannel channel)
    {
        var line = channel.IsLine ? channel : null;
        var call = line is null ? null : Newest(line.Uniqueid, c => !c.IsListening && IsOnChannel(c, line));
        var number = PartyNumber(channel);
        // A line's caller ID inside a conference is whatever the Originate gave it ("Conference 850"): not a name.
        var member = new ConferenceMember(number, channel.IsLine ? null : AmiFields.CleanName(channel.CallerIdName, number), channel.Line);
        _facts.Add(new ConferenceJoined(id, name, channel.Uniqueid, member, call?.Key));
    }

    /// <summary>
    /// An attended transfer's three-way (the atxferthreeway code) puts the transferer, the transferee and the target
    /// in the transferee's bridge: from then on that basic bridge is a conference of its real members, the target
    /// joining when its own channel takes the Local half's place, until one party is left.
    /// </summary>
    private void StartThreeWay(AmiBridge bridge)
    {
        bridge.IsThreeWay = true;
        foreach (var member in bridge.Members.Where(m => !m.IsLocal))
        {
            JoinConference(bridge.Id, ThreeWayName, member);
        }
    }

    private void ThreeWayEntered(AmiBridge bridge, AmiChannel channel)
    {
        if (bridge.IsThreeWay && !channel.IsLocal)
        {
            JoinConference(bridge.Id, ThreeWayName, channel);
        }
    }

    private void ThreeWayLeft(AmiBridge? bridge, AmiChannel channel)
    {
        if (bridge is not { IsThreeWay: true } || channel.IsLocal)
        {
            return;
        }

        _facts.Add(new ConferenceLeft(bridge.Id, channel.Uniqueid));
        if (bridge.Members.Count(m => !m.IsLocal && !ReferenceEquals(m, channel)) <= 1)
        {
            bridge.IsThreeWay = false;
            _facts.Add(new ConferenceEnded(bridge.Id));
        }
    }

    private const string ThreeWayName = "Three-way call";

    // Manager events, ConfbridgeLeave: as Join, for the member that left.
    private Outcome OnConfbridgeLeave(AmiMessage message)
    {
        if (ConferenceOf(message) is not { } conference || message["Uniqueid"] is not { Length: > 0 } uniqueid)
        {
            return Outcome.Skipped;
        }

        _facts.Add(new ConferenceLeft(conference.Id, uniqueid));
        return Outcome.Used;
    }

    // Manager events, ConfbridgeEnd: the last member left.
    private Outcome OnConfbridgeEnd(AmiMessage message)
    {
        if (ConferenceOf(message) is not { } conference)
        {
            return Outcome.Skipped;
        }

        _facts.Add(new ConferenceEnded(conference.Id));
        return Outcome.Used;
    }

    private static (string Id, string Name)? ConferenceOf(AmiMessage message)
    {
        var name = message["Conference"];
        var id = message["BridgeUniqueid"] is { Length: > 0 } bridge ? bridge : name;
        return string.IsNullOrEmpty(id) ? null : (id, name ?? id);
    }
}
