using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class InboundCallTests
{
    [Fact]
    public async Task Inbound_call_rings_the_extension_as_incoming_from_the_outside_number()
    {
        await using var sim = await StartAsync();

        var id = sim.CallIn(Caller, "101");

        Assert.Equal("sim-1", id);
        await sim.ExpectAsync(new CallAppeared(Key(id, "101"), id, CallDirection.Incoming, Caller, null, "101"));
        await sim.ExpectNoMoreFactsAsync();
        var listed = Assert.Single(sim.Pbx.ListCalls());
        Assert.Equal(new SimCallInfo(id, id, "ringing",
            new SimEndInfo(Caller, "external", "dialing", null),
            new SimEndInfo("101", "line", "ringing", id), null, null), listed);
    }

    [Fact]
    public async Task Answering_an_inbound_call_reports_it_answered()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);

        await sim.ExpectAsync(new CallAnswered(Key(id, "101")));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal("connected", Assert.Single(sim.Pbx.ListCalls()).State);
    }

    [Fact]
    public async Task Inbound_call_to_an_extension_in_do_not_disturb_is_refused_busy_without_any_line_fact()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.SetAgentStatusAsync("101", new AgentStatus(AgentState.DoNotDisturb), CancellationToken.None);
        await sim.NextAsync<AgentStatusReported>();

        var result = sim.Pbx.PlaceInboundCall(Caller, "101");

        Assert.Equal(SimulatorOutcome.Conflict, result.Outcome);
        Assert.Contains("Do Not Disturb", result.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Pbx.ListCalls());
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Unanswered_inbound_call_rings_out_after_the_no_answer_timeout_and_drops_the_caller()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");
        await sim.NextAsync<CallAppeared>();

        sim.Time.Advance(sim.Options.NoAnswerTimeout - TimeSpan.FromSeconds(1));
        await sim.ExpectNoMoreFactsAsync();
        sim.Time.Advance(TimeSpan.FromSeconds(1));

        await sim.ExpectAsync(new CallEnded(Key(id, "101"), HangupCause.NoAnswer, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
        Assert.Equal(SimulatorOutcome.NotFound, sim.Pbx.HangUpAsOutsideParty(id).Outcome);
    }

    [Fact]
    public async Task Caller_hanging_up_while_it_rings_ends_the_line_remotely()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");
        await sim.NextAsync<CallAppeared>();

        Assert.True(sim.Pbx.HangUpAsOutsideParty(id).Succeeded);

        await sim.ExpectAsync(new CallEnded(Key(id, "101"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Line_dropping_a_ringing_call_rejects_it_locally()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None);

        await sim.ExpectAsync(new CallEnded(Key(id, "101"), HangupCause.Rejected, HangupSide.Local));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Line_dropping_a_connected_call_ends_it_normally_and_locally()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None);

        await sim.ExpectAsync(new CallEnded(Key(id, "101"), HangupCause.Normal, HangupSide.Local));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Caller_hanging_up_a_connected_call_ends_the_line_remotely()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        Assert.True(sim.Pbx.HangUpAsOutsideParty(id).Succeeded);

        await sim.ExpectAsync(new CallEnded(Key(id, "101"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Theory]
    [InlineData(null, "101", "'from' must be an outside number")]
    [InlineData("", "101", "'from' must be an outside number")]
    [InlineData("robert'); drop table", "101", "'from' must be an outside number")]
    [InlineData("+7 495 123", "101", "'from' must be an outside number")]
    [InlineData("102", "101", "is a number of the simulator itself")]
    [InlineData(Caller, "105", "'105' is neither an extension nor a queue")]
    [InlineData(Caller, null, "neither an extension nor a queue")]
    public async Task Inbound_call_with_a_garbage_caller_or_an_unknown_destination_is_invalid(string? from, string? to, string expected)
    {
        await using var sim = await StartAsync();

        var result = sim.Pbx.PlaceInboundCall(from, to);

        Assert.Equal(SimulatorOutcome.Invalid, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Pbx.ListCalls());
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Answering_a_call_twice_is_refused()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await Refused.ByPbx(() => sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None), $"Call {id} on line 101 is already answered");
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Commands_on_unknown_or_finished_calls_are_refused()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None);
        await sim.NextAsync<CallEnded>();

        await Refused.ByPbx(() => sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None), $"There is no active call {id} on line 101");
        await Refused.ByPbx(() => sim.Pbx.HoldAsync(Key("sim-99", "101"), CancellationToken.None), "There is no active call sim-99 on line 101");
        await Refused.ByPbx(() => sim.Pbx.AnswerAsync(Key(id, "102"), CancellationToken.None), $"There is no active call {id} on line 102");
        await sim.ExpectNoMoreFactsAsync();
    }
}
