using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

public class LineAndAgentTests
{
    private static readonly CallKey Key = new("c1", "101");

    [Fact]
    public void A_line_may_dial_only_while_nothing_rings_or_talks()
    {
        var fixture = new TrackerFixture();
        Assert.Equal(CallOperations.Dial, fixture.Tracker.Snapshot("101").Operations);

        fixture.Inbound();
        Assert.False(fixture.Tracker.CheckLine("101", CallOperations.Dial).IsAllowed);

        fixture.Apply(new CallAnswered(Key));
        fixture.Apply(new CallHeld(Key));
        Assert.True(fixture.Tracker.CheckLine("101", CallOperations.Dial).IsAllowed);
    }

    [Fact]
    public void The_agent_is_busy_while_talking_and_available_after()
    {
        var fixture = new TrackerFixture();
        fixture.Inbound();

        var answered = fixture.Apply(new CallAnswered(Key));
        var ended = fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote));

        Assert.Contains(answered, e => e is AgentStatusChanged { Status.State: AgentState.Busy });
        Assert.Contains(ended, e => e is AgentStatusChanged { Status.State: AgentState.Available });
    }

    [Fact]
    public void Wrap_up_follows_a_call_and_ends_when_its_time_is_over()
    {
        var options = new CallTrackerOptions();
        options.WrapUpPerLine["101"] = TimeSpan.FromSeconds(30);
        var fixture = new TrackerFixture(options);
        fixture.Connected();

        var ended = fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote));
        var tooEarly = fixture.Tracker.EndWrapUp("101");
        fixture.Advance(30);
        var over = fixture.Tracker.EndWrapUp("101");

        Assert.Contains(ended, e => e is WrapUpStarted { LineNumber: "101" });
        Assert.Contains(ended, e => e is AgentStatusChanged { Status.State: AgentState.WrapUp });
        Assert.Empty(tooEarly);
        Assert.Contains(over, e => e is AgentStatusChanged { Status.State: AgentState.Available });
    }

    [Fact]
    public void A_chosen_away_state_is_kept_through_calls()
    {
        var fixture = new TrackerFixture();
        var away = fixture.Apply(new AgentStatusReported("101", new AgentStatus(AgentState.Away, "Lunch")));
        fixture.Connected();

        Assert.Contains(away, e => e is AgentStatusChanged { Status.State: AgentState.Away, Status.Reason: "Lunch" });
        Assert.Equal(AgentState.Away, fixture.Tracker.Snapshot("101").AgentStatus.State);
    }

    [Fact]
    public void Call_centre_mode_is_announced_only_when_it_changes()
    {
        var fixture = new TrackerFixture();

        var on = fixture.Apply(new CallCentreModeReported("101", true));
        var again = fixture.Apply(new CallCentreModeReported("101", true));

        Assert.Contains(on, e => e is CallCentreModeChanged { Enabled: true });
        Assert.Empty(again);
    }

    [Fact]
    public void A_listening_call_can_only_be_dropped()
    {
        var fixture = new TrackerFixture();
        var key = new CallKey("l1", "103");
        fixture.Apply(new CallAppeared(key, "c1", CallDirection.Internal, "103", null, "101") { IsListening = true });
        fixture.Apply(new CallAnswered(key));

        Assert.Equal(CallOperations.Drop, fixture.Tracker.FindCall(key)!.Operations);
    }

    [Fact]
    public void Resync_ends_calls_the_pbx_no_longer_has_and_takes_up_new_ones()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();
        var appeared = new CallAppeared(new CallKey("c9", "102"), "c9", CallDirection.Incoming, "+74957654321", null, "102") { AlreadyAnswered = true };

        var events = fixture.Apply(new ActiveCallsReported([appeared]));

        Assert.Contains(events, e => e is CallChanged { Kind: CallChangeKind.Finished, Call.PbxCallId: "c1", Call.EndReason: CallEndReason.Completed });
        Assert.Contains(events, e => e is CallChanged { Kind: CallChangeKind.Started, Call.PbxCallId: "c9", Call.State: CallState.Connected });
        Assert.IsType<CallsResynchronized>(events[^1]);
    }

    [Fact]
    public void A_call_the_PBX_lost_while_the_link_was_down_ends_when_the_link_was_lost_not_when_it_came_back()
    {
        var fixture = new TrackerFixture();
        fixture.Apply(new PbxLinkChanged(true, null));
        fixture.Inbound();
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        fixture.Apply(new CallAnswered(Key));
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var lostAt = fixture.Time.GetUtcNow();
        fixture.Apply(new PbxLinkChanged(false, "Asterisk was killed"));
        fixture.Time.Advance(TimeSpan.FromSeconds(9));
        fixture.Apply(new PbxLinkChanged(false, "still down"));
        fixture.Apply(new PbxLinkChanged(true, null));

        var ended = fixture.Apply(new ActiveCallsReported([])).OfType<CallChanged>().Single(c => c.Kind == CallChangeKind.Finished).Call;

        Assert.Equal(lostAt, ended.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(5), ended.TalkTimeAt(fixture.Time.GetUtcNow()));
        Assert.Equal(CallEndReason.Completed, ended.EndReason);

        // The next resync, with no outage before it, ends a missing call at the moment it is told.
        fixture.Inbound();
        fixture.Time.Advance(TimeSpan.FromSeconds(3));
        var again = fixture.Apply(new ActiveCallsReported([])).OfType<CallChanged>().Single(c => c.Kind == CallChangeKind.Finished).Call;
        Assert.Equal(fixture.Time.GetUtcNow(), again.EndedAt);
    }

    [Fact]
    public void Resync_keeps_the_start_and_answer_of_a_call_the_PBX_says_how_old_it_is()
    {
        var fixture = new TrackerFixture();
        var now = fixture.Time.GetUtcNow();
        var appeared = new CallAppeared(Key, "c1", CallDirection.Incoming, "+74951234567", null, "101")
        {
            AlreadyAnswered = true,
            Age = TimeSpan.FromSeconds(90),
            AnsweredAge = TimeSpan.FromSeconds(80),
        };

        var call = fixture.Apply(new ActiveCallsReported([appeared])).OfType<CallChanged>().Single().Call;

        Assert.Equal((now.AddSeconds(-90), now.AddSeconds(-80)), (call.StartedAt, call.AnsweredAt));
        Assert.Equal(TimeSpan.FromSeconds(80), call.TalkTimeAt(now));
    }

    [Fact]
    public void Resync_takes_up_a_held_call_as_held()
    {
        var fixture = new TrackerFixture();
        var appeared = new CallAppeared(Key, "c1", CallDirection.Incoming, "+74951234567", null, "101")
        {
            AlreadyAnswered = true,
            AlreadyHeld = true,
            AlreadyMuted = true,
        };

        var events = fixture.Apply(new ActiveCallsReported([appeared]));

        var call = events.OfType<CallChanged>().Single().Call;
        Assert.Equal(CallState.Held, call.State);
        Assert.True(call.Muted);
        Assert.True(call.Operations.HasFlag(CallOperations.Unhold));
    }

    [Fact]
    public void Answer_is_offered_only_on_lines_whose_phones_can_be_answered_remotely()
    {
        var withoutAnswer = TrackerFixture.AllCapabilities.CallOperations & ~CallOperations.Answer;
        var capabilities = TrackerFixture.AllCapabilities with
        {
            CallOperations = withoutAnswer,
            LineOperations = new Dictionary<string, CallOperations> { ["102"] = withoutAnswer | CallOperations.Answer },
        };
        var tracker = new CallTracker(TimeProvider.System, new CallTrackerOptions(), capabilities);

        var at101 = tracker.Apply(new CallAppeared(Key, "c1", CallDirection.Incoming, "+74951234567", null, "101"));
        var at102 = tracker.Apply(new CallAppeared(new CallKey("c2", "102"), "c2", CallDirection.Incoming, "+74951234567", null, "102"));

        Assert.Equal(CallOperations.Drop, at101.OfType<CallChanged>().Single().Call.Operations);
        Assert.Equal(CallOperations.Answer | CallOperations.Drop, at102.OfType<CallChanged>().Single().Call.Operations);
    }

    [Fact]
    public void Operations_the_pbx_cannot_offer_are_never_offered()
    {
        var capabilities = TrackerFixture.AllCapabilities with { CallOperations = CallOperations.Dial | CallOperations.Drop };
        var tracker = new CallTracker(TimeProvider.System, new CallTrackerOptions(), capabilities);

        var events = tracker.Apply(new CallAppeared(Key, "c1", CallDirection.Incoming, "+74951234567", null, "101"));

        Assert.Equal(CallOperations.Drop, events.OfType<CallChanged>().Single().Call.Operations);
    }
}
