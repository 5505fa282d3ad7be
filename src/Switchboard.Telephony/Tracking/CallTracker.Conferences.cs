using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

// Conferences: who is in each one, kept by the conference and not by the conversation, and shown on the call of
// every member that is a line's. A call that leaves (or whose conference ends) shows no conference any more.
public sealed partial class CallTracker
{
    private readonly Dictionary<string, ConferenceRoom> _conferences = new(StringComparer.Ordinal);

    private void JoinConference(Connectors.ConferenceJoined fact, List<TrackerEvent> events)
    {
        if (!_conferences.TryGetValue(fact.ConferenceId, out var room))
        {
            room = new ConferenceRoom(fact.ConferenceId, fact.ConferenceName);
            _conferences.Add(fact.ConferenceId, room);
        }

        room.Members.RemoveAll(m => m.Id == fact.MemberId);
        room.Members.Add(new RoomMember(fact.MemberId, fact.Member, fact.Call));
        ShowConference(room, events);
    }

    private void LeaveConference(string conferenceId, string memberId, List<TrackerEvent> events)
    {
        if (!_conferences.TryGetValue(conferenceId, out var room) || room.Members.Find(m => m.Id == memberId) is not { } gone)
        {
            return;
        }

        room.Members.Remove(gone);
        SetConference(gone.Call, null, events);
        if (room.Members.Count == 0)
        {
            _conferences.Remove(conferenceId);
            return;
        }

        ShowConference(room, events);
    }

    private void EndConference(string conferenceId, List<TrackerEvent> events)
    {
        if (!_conferences.Remove(conferenceId, out var room))
        {
            return;
        }

        foreach (var member in room.Members)
        {
            SetConference(member.Call, null, events);
        }
    }

    private void ShowConference(ConferenceRoom room, List<TrackerEvent> events)
    {
        // A line in the room with two calls (the merged call and its consultation) is one party.
        var conference = new CallConference(room.Id, room.Name, [.. room.Members.Select(m => WithContact(m.Member)).Distinct()]);
        foreach (var member in room.Members)
        {
            SetConference(member.Call, conference, events);
        }
    }

    private void SetConference(CallKey? key, CallConference? conference, List<TrackerEvent> events)
    {
        if (key is not { } known || !_active.TryGetValue(known, out var call) || Equals(call.Conference, conference))
        {
            return;
        }

        _active[known] = call with { Conference = conference };
        Announce(CallChangeKind.InfoChanged, known, events);
    }

    // An outside member is named after the contact that one of the agents' calls already matched to its number.
    private ConferenceMember WithContact(ConferenceMember member)
    {
        if (member.Line is not null)
        {
            return member;
        }

        var name = _active.Values
            .Where(c => string.Equals(c.RemoteNumber, member.Number, StringComparison.Ordinal))
            .Select(c => c.CallerMatch.Chosen?.ContactName)
            .FirstOrDefault(n => n is not null);
        return name is null ? member : member with { Name = name };
    }

    private sealed class ConferenceRoom(string id, string name)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public List<RoomMember> Members { get; } = [];
    }

    private sealed record RoomMember(string Id, ConferenceMember Member, CallKey? Call);
}
