using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

public class CutOffCallTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Call Open(CallDirection direction, CallState state, DateTimeOffset? answeredAt, string caller = "+74951234567", string callee = "101") => new()
    {
        Id = Guid.CreateVersion7(),
        Key = new CallKey("c1", "101"),
        ConversationId = "c1",
        Direction = direction,
        CallerNumber = caller,
        CalleeNumber = callee,
        State = state,
        StartedAt = Start,
        AnsweredAt = answeredAt,
        CompletedHoldTime = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void An_answered_call_ends_completed_when_it_was_last_known_alive_with_no_talk_time_invented()
    {
        var call = Open(CallDirection.Incoming, CallState.Connected, Start.AddSeconds(5));

        var ended = CutOffCalls.End(call, lastKnownAlive: Start.AddSeconds(65));

        Assert.Equal(
            (CallState.Finished, CallEndReason.Completed, Start.AddSeconds(65)),
            (ended.State, ended.EndReason, ended.EndedAt));
        Assert.Equal(TimeSpan.FromSeconds(50), ended.TalkTimeAt(Start.AddHours(8)));
        Assert.Equal(CallOperations.None, ended.Operations);
    }

    [Theory]
    [InlineData(CallDirection.Incoming, "+74951234567", "101", CallEndReason.Missed)]
    [InlineData(CallDirection.Outgoing, "101", "984951112233", CallEndReason.Abandoned)]
    [InlineData(CallDirection.Internal, "101", "102", CallEndReason.Abandoned)]
    public void An_unanswered_call_ends_as_one_that_went_while_the_link_was_down(CallDirection direction, string caller, string callee, CallEndReason expected)
    {
        var call = Open(direction, CallState.Alerting, answeredAt: null, caller, callee);

        var ended = CutOffCalls.End(call, lastKnownAlive: Start.AddSeconds(3));

        Assert.Equal(expected, ended.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(3), ended.DurationAt(Start.AddHours(1)));
    }

    [Fact]
    public void A_last_sign_of_life_before_the_answer_never_ends_the_call_before_it_was_answered()
    {
        var call = Open(CallDirection.Incoming, CallState.Connected, Start.AddSeconds(5));

        var ended = CutOffCalls.End(call, lastKnownAlive: Start.AddSeconds(2));

        Assert.Equal(Start.AddSeconds(5), ended.EndedAt);
        Assert.Equal(TimeSpan.Zero, ended.TalkTimeAt(Start.AddHours(1)));
    }
}
