using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

public class CallLifecycleTests
{
    private static readonly CallKey Key = new("c1", "101");

    [Fact]
    public void An_appearing_call_rings_and_can_be_answered_or_dropped()
    {
        var fixture = new TrackerFixture();

        var call = fixture.Inbound();

        Assert.Equal(CallState.Alerting, call.State);
        Assert.Equal(CallOperations.Answer | CallOperations.Drop, call.Operations);
        Assert.Equal(fixture.Time.GetUtcNow(), call.StartedAt);
    }

    [Fact]
    public void Answer_connects_the_call_and_stamps_the_answer_time()
    {
        var fixture = new TrackerFixture();
        fixture.Inbound();
        fixture.Advance(4);

        var events = fixture.Apply(new CallAnswered(Key));

        var answered = events.OfType<CallChanged>().Single(e => e.Kind == CallChangeKind.Answered).Call;
        Assert.Equal(CallState.Connected, answered.State);
        Assert.Equal(fixture.Time.GetUtcNow(), answered.AnsweredAt);
        Assert.True(answered.Operations.HasFlag(CallOperations.Hold));
        Assert.Contains(events, e => e is LineOperationsChanged { CallId: not null });
    }

    [Fact]
    public void Hold_and_unhold_accumulate_hold_time_and_talk_time_excludes_it()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();
        fixture.Advance(10);
        var held = fixture.Apply(new CallHeld(Key));
        fixture.Advance(5);
        var unheld = fixture.Apply(new CallUnheld(Key));
        fixture.Advance(20);

        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote)));

        Assert.Contains(held, e => e is CallChanged { Kind: CallChangeKind.Held, Call.State: CallState.Held });
        Assert.Contains(unheld, e => e is CallChanged { Kind: CallChangeKind.Unheld, Call.State: CallState.Connected });
        Assert.Equal(TimeSpan.FromSeconds(5), finished.HoldTimeAt(finished.EndedAt!.Value));
        Assert.Equal(TimeSpan.FromSeconds(30), finished.TalkTimeAt(finished.EndedAt.Value));
        Assert.Equal(TimeSpan.FromSeconds(35), finished.DurationAt(finished.EndedAt.Value));
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
    }

    [Fact]
    public void A_call_that_ends_while_held_counts_the_open_hold()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();
        fixture.Apply(new CallHeld(Key));
        fixture.Advance(7);

        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Local)));

        Assert.Equal(TimeSpan.FromSeconds(7), finished.HoldTimeAt(finished.EndedAt!.Value));
        Assert.Null(finished.HeldSince);
    }

    [Fact]
    public void Holding_a_ringing_call_is_refused_and_changes_nothing()
    {
        var fixture = new TrackerFixture();
        var call = fixture.Inbound();

        var check = fixture.Tracker.CheckCall(call.Id, CallOperations.Hold);
        var events = fixture.Apply(new CallHeld(Key));

        Assert.False(check.IsAllowed);
        Assert.Equal("operation_not_allowed", check.ErrorCode);
        Assert.Empty(events);
        Assert.Equal(CallState.Alerting, fixture.Tracker.FindCall(Key)!.State);
    }

    [Fact]
    public void Answering_on_a_phone_that_cannot_be_answered_remotely_says_so_not_that_the_call_rings()
    {
        // As on Asterisk: only lines listed in Asterisk:RemoteAnswerLines are answered from the panel.
        var capabilities = TrackerFixture.AllCapabilities with
        {
            CallOperations = TrackerFixture.AllCapabilities.CallOperations & ~CallOperations.Answer,
            LineOperations = new Dictionary<string, CallOperations> { ["102"] = TrackerFixture.AllCapabilities.CallOperations },
        };
        var fixture = new TrackerFixture(capabilities: capabilities);
        var unanswerable = fixture.Inbound("c1", "101");
        var answerable = fixture.Inbound("c2", "102");

        var refused = fixture.Tracker.CheckCall(unanswerable.Id, CallOperations.Answer);

        Assert.Equal("operation_not_supported", refused.ErrorCode);
        Assert.Equal("The phone on line 101 cannot be answered from the panel: answer it on the phone.", refused.Error);
        Assert.True(fixture.Tracker.CheckCall(answerable.Id, CallOperations.Answer).IsAllowed);
        Assert.Equal("operation_not_allowed", fixture.Tracker.CheckCall(unanswerable.Id, CallOperations.Hold).ErrorCode);
    }

    [Fact]
    public void Answering_a_finished_call_is_refused_and_announces_nothing()
    {
        var fixture = new TrackerFixture();
        var call = fixture.Connected();
        fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote));

        var check = fixture.Tracker.CheckCall(call.Id, CallOperations.Answer);
        var events = fixture.Apply(new CallAnswered(Key));

        Assert.False(check.IsAllowed);
        Assert.Equal("call_not_found", check.ErrorCode);
        Assert.Empty(events);
    }

    [Fact]
    public void Answering_a_connected_call_again_changes_nothing()
    {
        var fixture = new TrackerFixture();
        var call = fixture.Connected();
        fixture.Advance(3);

        var events = fixture.Apply(new CallAnswered(Key));

        Assert.Empty(events);
        Assert.Equal(call.AnsweredAt, fixture.Tracker.FindCall(Key)!.AnsweredAt);
    }

    [Fact]
    public void Unhold_of_a_call_that_is_not_held_changes_nothing()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();

        Assert.Empty(fixture.Apply(new CallUnheld(Key)));
    }

    [Fact]
    public void A_second_appearance_of_the_same_key_does_not_start_a_second_call()
    {
        var fixture = new TrackerFixture();
        var first = fixture.Inbound();

        var events = fixture.Apply(new CallAppeared(Key, "c1", CallDirection.Incoming, "+74951234567", null, "101"));

        Assert.Empty(events);
        Assert.Equal(first.Id, Assert.Single(fixture.Tracker.ActiveCalls()).Id);
    }

    [Fact]
    public void Remote_busy_announces_busy_and_the_end_reason_is_busy()
    {
        var fixture = new TrackerFixture();
        fixture.Outbound();

        var busy = fixture.Apply(new CallRemoteBusy(Key));
        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Busy, HangupSide.Remote)));

        Assert.Contains(busy, e => e is CallChanged { Kind: CallChangeKind.Busy, Call.State: CallState.Busy });
        Assert.Equal(CallEndReason.Busy, finished.EndReason);
    }

    [Fact]
    public void Party_change_updates_the_far_end_and_drops_the_old_match()
    {
        var fixture = new TrackerFixture();
        var call = fixture.Connected();
        fixture.Tracker.AttachCallerMatch(call.Id, CallerMatch.From([new ContactCandidate(Guid.NewGuid(), "Ivan", null, null, "e164")]));

        var events = fixture.Apply(new CallPartyChanged(Key, "+74957654321", null, "101") { RedirectedFrom = "102" });

        var changed = events.OfType<CallChanged>().Single(e => e.Kind == CallChangeKind.PartyChanged).Call;
        Assert.Equal("+74957654321", changed.CallerNumber);
        Assert.Equal("102", changed.RedirectedFrom);
        Assert.Null(changed.CallerMatch.Chosen);
    }

    [Fact]
    public void Dtmf_is_announced_on_the_call()
    {
        var fixture = new TrackerFixture();
        var call = fixture.Connected();

        var events = fixture.Apply(new DtmfSeen(Key, '5'));

        var dtmf = Assert.Single(events.OfType<DtmfEntered>());
        Assert.Equal(call.Id, dtmf.Call.Id);
        Assert.Equal('5', dtmf.Digit);
    }

    [Fact]
    public void Choosing_a_contact_links_it_and_announces_a_change_of_call_info()
    {
        var fixture = new TrackerFixture();
        var call = fixture.Inbound();
        var second = new ContactCandidate(Guid.NewGuid(), "Second", null, null, "trailingDigits");
        fixture.Tracker.AttachCallerMatch(call.Id, CallerMatch.From([new ContactCandidate(Guid.NewGuid(), "First", null, null, "e164"), second]));

        var events = fixture.Tracker.ChooseContact(call.Id, second);

        var changed = Assert.Single(events.OfType<CallChanged>());
        Assert.Equal(CallChangeKind.InfoChanged, changed.Kind);
        Assert.Equal(second, changed.Call.CallerMatch.Chosen);
        Assert.Equal(2, changed.Call.CallerMatch.Candidates.Count);
    }
}
