using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

public class ConsultationTests
{
    private static readonly CallKey First = new("c1", "101");
    private static readonly CallKey Consult = new("c2", "101");

    private static (TrackerFixture Fixture, Call First, IReadOnlyList<TrackerEvent> Events) Consulting()
    {
        var fixture = new TrackerFixture();
        var first = fixture.Connected();
        fixture.Apply(new CallHeld(First));
        var events = fixture.Apply(new CallAppeared(Consult, "c1", CallDirection.Internal, "101", null, "102") { ParentPbxCallId = "c1" });
        return (fixture, first, events);
    }

    [Fact]
    public void A_consultation_is_linked_to_its_held_parent_and_becomes_the_current_call()
    {
        var (fixture, first, events) = Consulting();

        var consult = fixture.Tracker.FindCall(Consult)!;
        Assert.Equal(first.Id, consult.ParentCallId);
        Assert.Equal("c1", consult.ParentPbxCallId);
        Assert.Contains(events, e => e is CurrentCallChanged c && c.CallId == consult.Id);
        Assert.Equal(CallOperations.Drop | CallOperations.CancelTransfer, consult.Operations);
        Assert.Equal(CallOperations.Drop | CallOperations.CancelTransfer, fixture.Tracker.FindCall(First)!.Operations);
    }

    [Fact]
    public void Complete_transfer_is_offered_once_the_consulted_party_answers()
    {
        var (fixture, _, _) = Consulting();

        fixture.Apply(new CallAnswered(Consult));

        Assert.True(fixture.Tracker.FindCall(Consult)!.Operations.HasFlag(CallOperations.CompleteTransfer));
        Assert.True(fixture.Tracker.FindCall(First)!.Operations.HasFlag(CallOperations.CompleteTransfer));
        Assert.False(fixture.Tracker.FindCall(Consult)!.Operations.HasFlag(CallOperations.Hold));
    }

    [Fact]
    public void Cancelling_brings_the_first_call_back_as_current()
    {
        var (fixture, first, _) = Consulting();
        fixture.Apply(new CallAnswered(Consult));

        var ended = fixture.Apply(new CallEnded(Consult, HangupCause.Normal, HangupSide.Local));
        var unheld = fixture.Apply(new CallUnheld(First));

        Assert.Equal(CallEndReason.Completed, TrackerFixture.Finished(ended).EndReason);
        Assert.Contains(ended.Concat(unheld), e => e is CurrentCallChanged c && c.CallId == first.Id);
        Assert.Equal(CallState.Connected, fixture.Tracker.FindCall(First)!.State);
    }

    [Fact]
    public void Completing_ends_both_calls_of_the_line_as_transferred()
    {
        var (fixture, _, _) = Consulting();
        fixture.Apply(new CallAnswered(Consult));

        var first = TrackerFixture.Finished(fixture.Apply(new CallEnded(First, HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" }));
        var lastEvents = fixture.Apply(new CallEnded(Consult, HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" });

        Assert.Equal(CallEndReason.Transferred, first.EndReason);
        Assert.Equal(CallEndReason.Transferred, TrackerFixture.Finished(lastEvents).EndReason);
        Assert.Contains(lastEvents, e => e is CurrentCallChanged { CallId: null });
        Assert.Contains(lastEvents, e => e is LineOperationsChanged { CallId: null } l && l.Operations == CallOperations.Dial);
        Assert.Empty(fixture.Tracker.ActiveCalls());
    }

    [Fact]
    public void The_pair_is_found_from_either_call()
    {
        var (fixture, first, _) = Consulting();
        var consult = fixture.Tracker.FindCall(Consult)!;

        Assert.Equal((first.Id, consult.Id), Ids(fixture.Tracker.FindConsultationPair(first.Id)));
        Assert.Equal((first.Id, consult.Id), Ids(fixture.Tracker.FindConsultationPair(consult.Id)));
    }

    private static (Guid, Guid) Ids((Call Held, Call Consultation)? pair) => (pair!.Value.Held.Id, pair.Value.Consultation.Id);
}
