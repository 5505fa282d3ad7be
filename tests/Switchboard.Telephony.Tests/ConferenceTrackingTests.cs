using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

public sealed class ConferenceTrackingTests
{
    private const string Caller = "+74951234567";

    [Fact]
    public void Members_of_different_conversations_share_one_conference_named_after_the_callers_contact()
    {
        var fixture = new TrackerFixture();
        var agent = fixture.Connected("c1", "101");
        var other = fixture.Connected("c9", "102");
        fixture.Tracker.AttachCallerMatch(agent.Id, new CallerMatch([], new ContactCandidate(Guid.NewGuid(), "Ivan Sidorov", null, null, "e164")));

        Join(fixture, "far", new ConferenceMember(Caller, null, null), null);
        Join(fixture, "a", new ConferenceMember("101", null, "101"), agent.Key);
        var events = Join(fixture, "b", new ConferenceMember("102", null, "102"), other.Key);

        var seen = fixture.Tracker.FindCall(other.Key)!.Conference!;
        Assert.Equal(fixture.Tracker.FindCall(agent.Key)!.Conference, seen);
        Assert.Equal(["Ivan Sidorov", null, null], seen.Members.Select(m => m.Name));
        Assert.Contains(events, e => e is CallChanged { Kind: CallChangeKind.InfoChanged } changed && changed.Call.Key == agent.Key);
    }

    [Fact]
    public void A_member_that_leaves_shows_no_conference_and_the_others_see_it_gone_until_the_conference_ends()
    {
        var fixture = new TrackerFixture();
        var agent = fixture.Connected("c1", "101");
        var other = fixture.Connected("c9", "102");
        Join(fixture, "a", new ConferenceMember("101", null, "101"), agent.Key);
        Join(fixture, "b", new ConferenceMember("102", null, "102"), other.Key);
        Join(fixture, "far", new ConferenceMember(Caller, null, null), null);

        fixture.Apply(new ConferenceLeft("bridge-1", "a"));

        Assert.Null(fixture.Tracker.FindCall(agent.Key)!.Conference);
        Assert.Equal(["102", Caller], fixture.Tracker.FindCall(other.Key)!.Conference!.Members.Select(m => m.Number));

        fixture.Apply(new ConferenceEnded("bridge-1"));
        Assert.Null(fixture.Tracker.FindCall(other.Key)!.Conference);
    }

    private static IReadOnlyList<TrackerEvent> Join(TrackerFixture fixture, string memberId, ConferenceMember member, CallKey? call) =>
        fixture.Apply(new ConferenceJoined("bridge-1", "850", memberId, member, call));
}
