using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class OutgoingCallTests
{
    [Fact]
    public async Task Outgoing_call_dials_the_outside_number_as_dialled()
    {
        await using var sim = await StartAsync();

        await sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);

        await sim.ExpectAsync(new CallAppeared(Key("sim-1", "101"), "sim-1", CallDirection.Outgoing, "101", null, OutsideNumber));
        await sim.ExpectNoMoreFactsAsync();
        var call = Assert.Single(sim.Pbx.ListCalls());
        Assert.Equal(new SimEndInfo(OutsideNumber, "external", "ringing", null), call.Callee);
    }

    [Fact]
    public async Task Outside_party_answering_connects_the_line()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);
        await sim.NextAsync<CallAppeared>();

        var result = sim.Pbx.AnswerAsOutsideParty("sim-1");

        Assert.True(result.Succeeded);
        await sim.ExpectAsync(new CallAnswered(Key("sim-1", "101")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Outside_party_busy_reports_busy_then_ends_the_call()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);
        await sim.NextAsync<CallAppeared>();

        Assert.True(sim.Pbx.RespondBusyAsOutsideParty("sim-1").Succeeded);

        await sim.ExpectAsync(
            new CallRemoteBusy(Key("sim-1", "101")),
            new CallEnded(Key("sim-1", "101"), HangupCause.Busy, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Outside_party_hanging_up_ends_the_line_remotely()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedOutgoingAsync("101");

        Assert.True(sim.Pbx.HangUpAsOutsideParty(id).Succeeded);

        await sim.ExpectAsync(new CallEnded(Key(id, "101"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Unanswered_outgoing_call_ends_with_no_answer()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);
        await sim.NextAsync<CallAppeared>();

        sim.Time.Advance(sim.Options.NoAnswerTimeout);

        await sim.ExpectAsync(new CallEnded(Key("sim-1", "101"), HangupCause.NoAnswer, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Answered_call_does_not_time_out()
    {
        await using var sim = await StartAsync();
        await sim.ConnectedOutgoingAsync("101");

        sim.Time.Advance(sim.Options.NoAnswerTimeout * 3);

        await sim.ExpectNoMoreFactsAsync();
        Assert.Single(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Outside_party_cannot_answer_or_be_busy_once_answered()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedOutgoingAsync("101");

        var answer = sim.Pbx.AnswerAsOutsideParty(id);
        var busy = sim.Pbx.RespondBusyAsOutsideParty(id);

        Assert.Equal(SimulatorOutcome.Conflict, answer.Outcome);
        Assert.Contains("already answered", answer.Message, StringComparison.Ordinal);
        Assert.Equal(SimulatorOutcome.Conflict, busy.Outcome);
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Outside_caller_cannot_answer_its_own_inbound_call()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");

        var result = sim.Pbx.AnswerAsOutsideParty(id);

        Assert.Equal(SimulatorOutcome.Conflict, result.Outcome);
        Assert.Contains("is the caller", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_between_lines_has_no_outside_party_to_script()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("101", "102");

        var result = sim.Pbx.HangUpAsOutsideParty(id);

        Assert.Equal(SimulatorOutcome.Conflict, result.Outcome);
        Assert.Equal($"Call {id} has no outside party: it is between lines 101 and 102.", result.Message);
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Unknown_call_id_is_not_found()
    {
        await using var sim = await StartAsync();

        Assert.Equal(SimulatorOutcome.NotFound, sim.Pbx.AnswerAsOutsideParty("sim-42").Outcome);
        Assert.Equal(SimulatorOutcome.NotFound, sim.Pbx.RespondBusyAsOutsideParty("sim-42").Outcome);
        Assert.Equal(SimulatorOutcome.NotFound, sim.Pbx.HangUpAsOutsideParty("sim-42").Outcome);
        Assert.Equal(SimulatorOutcome.NotFound, sim.Pbx.SendDtmfAsOutsideParty("sim-42", "1").Outcome);
    }
}
