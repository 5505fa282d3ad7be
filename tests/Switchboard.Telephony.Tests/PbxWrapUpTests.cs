using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

/// <summary>After-call work the PBX itself enforces (a queue's wrap-up time), alone and beside Telephony:WrapUp.</summary>
public class PbxWrapUpTests
{
    private static readonly CallKey Key = new("c1", "101");

    [Fact]
    public void Wrap_up_the_PBX_reports_during_the_call_shows_once_the_call_ends_and_lasts_as_long_as_the_PBX_said()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();

        var completedAt = fixture.Time.GetUtcNow();
        var reported = fixture.Apply(new WrapUpReported("101", TimeSpan.FromSeconds(10)));
        fixture.Advance(1);
        var ended = fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote));
        fixture.Advance(8);
        var early = fixture.Tracker.EndWrapUp("101");
        fixture.Advance(1);
        var over = fixture.Tracker.EndWrapUp("101");

        Assert.DoesNotContain(reported, e => e is AgentStatusChanged);
        Assert.Contains(reported, e => e is WrapUpStarted { LineNumber: "101" } w && w.Until == completedAt.AddSeconds(10));
        Assert.Contains(ended, e => e is AgentStatusChanged { Status.State: AgentState.WrapUp });
        Assert.Empty(early);
        Assert.Contains(over, e => e is AgentStatusChanged { Status.State: AgentState.Available });
    }

    [Theory]
    [InlineData(5, 10, 10)]
    [InlineData(30, 10, 30)]
    public void With_both_wrap_ups_the_later_end_wins(int ownSeconds, int pbxSeconds, int expectedSeconds)
    {
        var options = new CallTrackerOptions { WrapUp = TimeSpan.FromSeconds(ownSeconds) };
        var fixture = new TrackerFixture(options);
        fixture.Connected();

        fixture.Apply(new WrapUpReported("101", TimeSpan.FromSeconds(pbxSeconds)));
        var endedAt = fixture.Time.GetUtcNow();
        fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote));
        fixture.Advance(expectedSeconds - 1);
        Assert.Empty(fixture.Tracker.EndWrapUp("101"));
        Assert.Equal(AgentState.WrapUp, fixture.Tracker.Snapshot("101").AgentStatus.State);
        fixture.Advance(1);

        Assert.Contains(fixture.Tracker.EndWrapUp("101"), e => e is AgentStatusChanged { Status.State: AgentState.Available });
        Assert.Equal(endedAt.AddSeconds(expectedSeconds), fixture.Time.GetUtcNow());
    }

    [Fact]
    public void Choosing_available_does_not_end_the_PBXs_wrap_up_and_away_during_it_falls_back_to_wrap_up()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();
        fixture.Apply(new WrapUpReported("101", TimeSpan.FromSeconds(10)));
        fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote));

        // Asterisk keeps withholding queue calls until its wrapuptime is over, whatever the panel says.
        var available = fixture.Apply(new AgentStatusReported("101", AgentStatus.Available));
        var away = fixture.Apply(new AgentStatusReported("101", new AgentStatus(AgentState.Away, "Lunch")));
        var back = fixture.Apply(new AgentStatusReported("101", AgentStatus.Available));

        Assert.DoesNotContain(available, e => e is AgentStatusChanged);
        Assert.Contains(away, e => e is AgentStatusChanged { Status.State: AgentState.Away });
        Assert.Contains(back, e => e is AgentStatusChanged { Status.State: AgentState.WrapUp });
    }

    [Fact]
    public void Wrap_up_reported_for_a_line_without_a_call_shows_at_once()
    {
        var fixture = new TrackerFixture();

        var events = fixture.Apply(new WrapUpReported("101", TimeSpan.FromSeconds(10)));

        Assert.Contains(events, e => e is AgentStatusChanged { LineNumber: "101", Status.State: AgentState.WrapUp });
    }
}
