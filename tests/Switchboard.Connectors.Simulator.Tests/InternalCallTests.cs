using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class InternalCallTests
{
    [Fact]
    public async Task Internal_call_appears_on_both_lines_without_ringing_the_caller_first()
    {
        await using var sim = await StartAsync();

        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);

        await sim.ExpectAsync(
            new CallAppeared(Key("sim-1", "101"), "sim-1", CallDirection.Internal, "101", null, "102"),
            new CallAppeared(Key("sim-1", "102"), "sim-1", CallDirection.Internal, "101", null, "102"));
        await sim.ExpectNoMoreFactsAsync();
        var call = Assert.Single(sim.Pbx.ListCalls());
        Assert.Equal("dialing", call.Caller.State);
        Assert.Equal("ringing", call.Callee!.State);
    }

    [Fact]
    public async Task Answering_an_internal_call_reports_both_lines_answered()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.AnswerAsync(Key("sim-1", "102"), CancellationToken.None);

        await sim.ExpectAsync(new CallAnswered(Key("sim-1", "102")), new CallAnswered(Key("sim-1", "101")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Line_that_placed_a_call_cannot_answer_it()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);

        await Refused.ByPbx(() => sim.Pbx.AnswerAsync(Key("sim-1", "101"), CancellationToken.None), "was placed by the line");
    }

    [Fact]
    public async Task Internal_call_to_an_extension_in_do_not_disturb_is_busy_for_the_caller()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.SetAgentStatusAsync("102", new AgentStatus(AgentState.DoNotDisturb), CancellationToken.None);
        await sim.NextAsync<AgentStatusReported>();

        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);

        await sim.ExpectAsync(
            new CallAppeared(Key("sim-1", "101"), "sim-1", CallDirection.Internal, "101", null, "102"),
            new CallRemoteBusy(Key("sim-1", "101")),
            new CallEnded(Key("sim-1", "101"), HangupCause.Busy, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Unanswered_internal_call_ends_both_lines_with_no_answer()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAppeared>();

        sim.Time.Advance(sim.Options.NoAnswerTimeout);

        await sim.ExpectAsync(
            new CallEnded(Key("sim-1", "102"), HangupCause.NoAnswer, HangupSide.Remote),
            new CallEnded(Key("sim-1", "101"), HangupCause.NoAnswer, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Dropping_an_internal_call_ends_the_other_line_remotely()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("101", "102");

        await sim.Pbx.DropAsync(Key(id, "102"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "102"), HangupCause.Normal, HangupSide.Local),
            new CallEnded(Key(id, "101"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Caller_giving_up_ends_the_ringing_line_remotely()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.DropAsync(Key("sim-1", "101"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key("sim-1", "101"), HangupCause.Normal, HangupSide.Local),
            new CallEnded(Key("sim-1", "102"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Called_line_rejecting_ends_the_caller_as_rejected_remotely()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.DropAsync(Key("sim-1", "102"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key("sim-1", "102"), HangupCause.Rejected, HangupSide.Local),
            new CallEnded(Key("sim-1", "101"), HangupCause.Rejected, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Theory]
    [InlineData("105", "102", "Line 105 is not an extension of the simulator")]
    [InlineData("101", "101", "Line 101 cannot call itself")]
    [InlineData("101", "", "'' is not a number that can be dialled")]
    [InlineData("101", "12ab", "'12ab' is not a number that can be dialled")]
    [InlineData("101", "+", "'+' is not a number that can be dialled")]
    public async Task Making_a_call_that_cannot_be_placed_is_refused(string line, string number, string expected)
    {
        await using var sim = await StartAsync();

        await Refused.ByPbx(() => sim.Pbx.MakeCallAsync(line, number, CancellationToken.None), expected);

        Assert.Empty(sim.Pbx.ListCalls());
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task A_cancelled_command_does_nothing()
    {
        await using var sim = await StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sim.Pbx.MakeCallAsync("101", "102", cancelled.Token));

        Assert.Empty(sim.Pbx.ListCalls());
    }
}
