using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Telephony.Tests;

public class EndReasonTests
{
    private static readonly CallKey Key = new("c1", "101");

    [Theory]
    [InlineData(HangupCause.Normal, HangupSide.Remote, CallEndReason.Abandoned)]
    [InlineData(HangupCause.Normal, HangupSide.Local, CallEndReason.Rejected)]
    [InlineData(HangupCause.Rejected, HangupSide.Local, CallEndReason.Rejected)]
    [InlineData(HangupCause.NoAnswer, HangupSide.Remote, CallEndReason.Missed)]
    [InlineData(HangupCause.Normal, HangupSide.Unknown, CallEndReason.Missed)]
    [InlineData(HangupCause.Failed, HangupSide.Remote, CallEndReason.Failed)]
    [InlineData(HangupCause.Transferred, HangupSide.Local, CallEndReason.Transferred)]
    public void An_unanswered_incoming_call_ends_with_the_reason_of_its_hangup(HangupCause cause, HangupSide side, CallEndReason expected)
    {
        var fixture = new TrackerFixture();
        fixture.Inbound();

        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, cause, side)));

        Assert.Equal(expected, finished.EndReason);
        Assert.Equal(TimeSpan.Zero, finished.TalkTimeAt(finished.EndedAt!.Value));
    }

    [Theory]
    [InlineData(HangupCause.Normal, HangupSide.Local, CallEndReason.Abandoned)]
    [InlineData(HangupCause.Normal, HangupSide.Remote, CallEndReason.Rejected)]
    [InlineData(HangupCause.Busy, HangupSide.Remote, CallEndReason.Busy)]
    [InlineData(HangupCause.NoAnswer, HangupSide.Remote, CallEndReason.Missed)]
    public void An_unanswered_outgoing_call_ends_with_the_reason_of_its_hangup(HangupCause cause, HangupSide side, CallEndReason expected)
    {
        var fixture = new TrackerFixture();
        fixture.Outbound();

        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, cause, side)));

        Assert.Equal(expected, finished.EndReason);
    }

    [Theory]
    [InlineData(HangupSide.Local)]
    [InlineData(HangupSide.Remote)]
    public void An_answered_call_is_completed_whoever_hangs_up(HangupSide side)
    {
        var fixture = new TrackerFixture();
        fixture.Connected();

        Assert.Equal(CallEndReason.Completed, TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Normal, side))).EndReason);
    }

    [Fact]
    public void A_transferred_call_keeps_where_it_went()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();

        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" }));

        Assert.Equal(CallEndReason.Transferred, finished.EndReason);
        Assert.Equal("102", finished.RedirectedTo);
    }
}
