using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class BlindTransferTests
{
    [Fact]
    public async Task Blind_transfer_rings_the_target_and_ends_the_transferring_line_as_transferred()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallAppeared(Key("sim-2", "102"), id, CallDirection.Incoming, Caller, null, "102") { RedirectedFrom = "101" });
        await sim.Pbx.AnswerAsync(Key("sim-2", "102"), CancellationToken.None);
        await sim.ExpectAsync(new CallAnswered(Key("sim-2", "102")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task The_id_of_an_inbound_call_keeps_naming_its_caller_after_a_transfer()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);
        await sim.NextAsync<CallEnded>();
        await sim.NextAsync<CallAppeared>();

        Assert.True(sim.Pbx.HangUpAsOutsideParty(id).Succeeded);

        await sim.ExpectAsync(new CallEnded(Key("sim-2", "102"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Blind_transfer_of_an_internal_call_changes_the_far_end_of_the_line_left_behind()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("101", "102");

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "103", CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "103" },
            new CallAppeared(Key("sim-2", "103"), id, CallDirection.Internal, "102", null, "103") { RedirectedFrom = "101" },
            new CallPartyChanged(Key(id, "102"), "103", null, "102") { Direction = CallDirection.Internal });
        await sim.Pbx.AnswerAsync(Key("sim-2", "103"), CancellationToken.None);
        await sim.Pbx.DropAsync(Key("sim-2", "103"), CancellationToken.None);
        await sim.ExpectAsync(
            new CallAnswered(Key("sim-2", "103")),
            new CallEnded(Key("sim-2", "103"), HangupCause.Normal, HangupSide.Local),
            new CallEnded(Key(id, "102"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Blind_transfer_to_an_outside_number_rings_outside_and_is_scripted_like_an_outgoing_call()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("101", "102");

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), OutsideNumber, CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = OutsideNumber },
            new CallPartyChanged(Key(id, "102"), OutsideNumber, null, "102") { Direction = CallDirection.Incoming });
        var ringing = Assert.Single(sim.Pbx.ListCalls());
        Assert.Equal(("sim-2", "ringing", "102", OutsideNumber), (ringing.Id, ringing.State, ringing.Caller.Number, ringing.Callee!.Number));
        Assert.True(sim.Pbx.AnswerAsOutsideParty("sim-2").Succeeded);
        Assert.True(sim.Pbx.HangUpAsOutsideParty("sim-2").Succeeded);
        await sim.ExpectAsync(new CallEnded(Key(id, "102"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Unanswered_transfer_target_rings_out_after_the_no_answer_timeout()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);
        await sim.NextAsync<CallEnded>();
        await sim.NextAsync<CallAppeared>();

        sim.Time.Advance(sim.Options.NoAnswerTimeout);

        await sim.ExpectAsync(new CallEnded(Key("sim-2", "102"), HangupCause.NoAnswer, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Blind_transfer_to_an_extension_in_do_not_disturb_ends_the_transferred_line_busy()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.SetAgentStatusAsync("103", new AgentStatus(AgentState.DoNotDisturb), CancellationToken.None);
        await sim.NextAsync<AgentStatusReported>();
        var id = await sim.ConnectedInternalAsync("101", "102");

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "103", CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "103" },
            new CallEnded(Key(id, "102"), HangupCause.Busy, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Blind_transfer_to_a_queue_rings_a_member_as_redirected()
    {
        await using var sim = await StartAsync();
        await sim.ChangeModeAsync("102", true);
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "600", CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "600" },
            new CallAppeared(Key("sim-2.1", "102"), id, CallDirection.Incoming, Caller, null, "600") { RedirectedFrom = "101" });
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Blind_transfer_of_a_ringing_call_is_refused()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");

        await Refused.ByPbx(
            () => sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None),
            "is not answered yet, so it cannot be transferred");
    }

    [Fact]
    public async Task Blind_transfer_of_a_call_nobody_answered_yet_is_refused()
    {
        await using var sim = await StartAsync();
        await sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);

        await Refused.ByPbx(
            () => sim.Pbx.BlindTransferAsync(Key("sim-1", "101"), "102", CancellationToken.None),
            "is not answered yet");
    }

    [Theory]
    [InlineData("101", "Line 101 cannot transfer a call to itself")]
    [InlineData(Caller, "is the party being transferred")]
    [InlineData("1-2", "'1-2' is not a number that can be dialled")]
    public async Task Blind_transfer_to_an_impossible_target_is_refused(string target, string expected)
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await Refused.ByPbx(() => sim.Pbx.BlindTransferAsync(Key(id, "101"), target, CancellationToken.None), expected);

        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal("connected", Assert.Single(sim.Pbx.ListCalls()).State);
    }
}
