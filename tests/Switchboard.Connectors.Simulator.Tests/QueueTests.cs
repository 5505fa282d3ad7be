using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class QueueTests
{
    /// <summary>The key of the <paramref name="offer"/>th offer of a queue call to a member's line.</summary>
    private static CallKey Offer(string queueCallId, int offer, string line) => Key($"{queueCallId}.{offer}", line);

    [Fact]
    public async Task Queue_call_rings_one_free_member_the_one_idle_longest()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        await sim.ChangeModeAsync("102", true);
        var earlier = await sim.ConnectedInboundAsync("101");
        Assert.True(sim.Pbx.HangUpAsOutsideParty(earlier).Succeeded);
        await sim.NextAsync<CallEnded>();
        sim.Time.Advance(TimeSpan.FromMinutes(1));

        var id = sim.CallIn(Caller, "600");

        await sim.ExpectAsync(new CallAppeared(Offer(id, 1, "102"), id, CallDirection.Incoming, Caller, null, "600"));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Unanswered_member_is_rung_out_after_the_queue_ring_timeout_and_the_next_member_is_tried()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        await sim.ChangeModeAsync("102", true);
        var id = sim.CallIn(Caller, "600");
        await sim.ExpectAsync(new CallAppeared(Offer(id, 1, "101"), id, CallDirection.Incoming, Caller, null, "600"));

        sim.Time.Advance(sim.Options.QueueRingTimeout);
        await sim.ExpectAsync(
            new CallEnded(Offer(id, 1, "101"), HangupCause.NoAnswer, HangupSide.Remote),
            new CallAppeared(Offer(id, 2, "102"), id, CallDirection.Incoming, Caller, null, "600"));
        sim.Time.Advance(sim.Options.QueueRingTimeout);

        await sim.ExpectAsync(
            new CallEnded(Offer(id, 2, "102"), HangupCause.NoAnswer, HangupSide.Remote),
            new CallAppeared(Offer(id, 3, "101"), id, CallDirection.Incoming, Caller, null, "600"));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Caller_waits_while_no_member_is_free_and_rings_one_when_a_line_switches_on_call_centre_mode()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "600");
        sim.Time.Advance(TimeSpan.FromMinutes(10));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal("waiting", Assert.Single(sim.Pbx.ListCalls()).State);

        await sim.Pbx.SetCallCentreModeAsync("103", true, CancellationToken.None);

        await sim.ExpectAsync(
            new CallCentreModeReported("103", true),
            new CallAppeared(Offer(id, 1, "103"), id, CallDirection.Incoming, Caller, null, "600"));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Waiting_caller_rings_a_member_who_becomes_available_again()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        var away = new AgentStatus(AgentState.Away, "break");
        await sim.Pbx.SetAgentStatusAsync("101", away, CancellationToken.None);
        await sim.ExpectAsync(new AgentStatusReported("101", away));
        var id = sim.CallIn(Caller, "600");
        await sim.ExpectNoMoreFactsAsync();

        await sim.Pbx.SetAgentStatusAsync("101", AgentStatus.Available, CancellationToken.None);

        await sim.ExpectAsync(
            new AgentStatusReported("101", AgentStatus.Available),
            new CallAppeared(Offer(id, 1, "101"), id, CallDirection.Incoming, Caller, null, "600"));
    }

    [Fact]
    public async Task Waiting_caller_rings_a_member_whose_call_ends()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        var talking = await sim.ConnectedInboundAsync("101");
        var id = sim.CallIn(OtherCaller, "600");
        await sim.ExpectNoMoreFactsAsync();

        Assert.True(sim.Pbx.HangUpAsOutsideParty(talking).Succeeded);

        await sim.ExpectAsync(
            new CallEnded(Key(talking, "101"), HangupCause.Normal, HangupSide.Remote),
            new CallAppeared(Offer(id, 1, "101"), id, CallDirection.Incoming, OtherCaller, null, "600"));
    }

    [Fact]
    public async Task Members_in_do_not_disturb_or_out_of_call_centre_mode_are_not_rung()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        await sim.Pbx.SetAgentStatusAsync("101", new AgentStatus(AgentState.DoNotDisturb), CancellationToken.None);
        await sim.NextAsync<AgentStatusReported>();

        sim.CallIn(Caller, "600");

        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Waiting_callers_are_served_oldest_first()
    {
        await using var sim = await StartAsync();
        var first = sim.CallIn(Caller, "600");
        var second = sim.CallIn(OtherCaller, "600");

        await sim.Pbx.SetCallCentreModeAsync("101", true, CancellationToken.None);
        await sim.Pbx.SetCallCentreModeAsync("102", true, CancellationToken.None);

        await sim.ExpectAsync(
            new CallCentreModeReported("101", true),
            new CallAppeared(Offer(first, 1, "101"), first, CallDirection.Incoming, Caller, null, "600"),
            new CallCentreModeReported("102", true),
            new CallAppeared(Offer(second, 1, "102"), second, CallDirection.Incoming, OtherCaller, null, "600"));
    }

    [Fact]
    public async Task Member_answering_connects_the_caller_and_stops_the_ring_timeout()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        var id = sim.CallIn(Caller, "600");
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.AnswerAsync(Offer(id, 1, "101"), CancellationToken.None);
        sim.Time.Advance(sim.Options.QueueRingTimeout * 2);

        await sim.ExpectAsync(new CallAnswered(Offer(id, 1, "101")));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal("connected", Assert.Single(sim.Pbx.ListCalls()).State);
    }

    [Fact]
    public async Task Member_declining_a_queue_call_passes_it_to_the_next_member()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        await sim.ChangeModeAsync("102", true);
        var id = sim.CallIn(Caller, "600");
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.DropAsync(Offer(id, 1, "101"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Offer(id, 1, "101"), HangupCause.Rejected, HangupSide.Local),
            new CallAppeared(Offer(id, 2, "102"), id, CallDirection.Incoming, Caller, null, "600"));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Caller_hanging_up_while_a_member_rings_ends_that_member_remotely()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("101", true);
        var id = sim.CallIn(Caller, "600");
        await sim.NextAsync<CallAppeared>();

        Assert.True(sim.Pbx.HangUpAsOutsideParty(id).Succeeded);

        await sim.ExpectAsync(new CallEnded(Offer(id, 1, "101"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task A_line_can_call_the_queue_like_anyone_else()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("102", true);

        await sim.Pbx.MakeCallAsync("101", "600", CancellationToken.None);
        await sim.Pbx.AnswerAsync(Key("sim-1.1", "102"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallAppeared(Key("sim-1", "101"), "sim-1", CallDirection.Internal, "101", null, "600"),
            new CallAppeared(Key("sim-1.1", "102"), "sim-1", CallDirection.Internal, "101", null, "600"),
            new CallAnswered(Key("sim-1.1", "102")),
            new CallAnswered(Key("sim-1", "101")));
        await sim.ExpectNoMoreFactsAsync();
    }
}
