using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class ConsultationTests
{
    [Fact]
    public async Task Consultation_holds_the_call_and_calls_the_target_from_the_same_line()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None);

        await sim.ExpectAsync(
            new CallHeld(Key(id, "101")),
            new CallAppeared(Key("sim-2", "101"), id, CallDirection.Internal, "101", null, "102") { ParentPbxCallId = id },
            new CallAppeared(Key("sim-2", "102"), id, CallDirection.Internal, "101", null, "102"));
        await sim.Pbx.AnswerAsync(Key("sim-2", "102"), CancellationToken.None);
        await sim.ExpectAsync(new CallAnswered(Key("sim-2", "102")), new CallAnswered(Key("sim-2", "101")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Completing_a_transfer_joins_the_outside_caller_with_the_consulted_line()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        var consult = await ConsultAsync(sim, Key(id, "101"), "102");

        await sim.Pbx.CompleteTransferAsync(Key(id, "101"), consult, CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallEnded(consult, HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallPartyChanged(Key("sim-2", "102"), Caller, null, "102") { Direction = CallDirection.Incoming, RedirectedFrom = "101" });
        await sim.ExpectNoMoreFactsAsync();
        var joined = Assert.Single(sim.Pbx.ListCalls());
        Assert.Equal(("sim-2", id, Caller, "102"), (joined.Id, joined.ConversationId, joined.Caller.Number, joined.Callee!.Number));

        Assert.True(sim.Pbx.HangUpAsOutsideParty(id).Succeeded);
        await sim.ExpectAsync(new CallEnded(Key("sim-2", "102"), HangupCause.Normal, HangupSide.Remote));
    }

    [Fact]
    public async Task Completing_a_transfer_of_an_internal_call_changes_the_far_end_of_both_lines()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("104", "101");
        var consult = await ConsultAsync(sim, Key(id, "101"), "102");

        await sim.Pbx.CompleteTransferAsync(Key(id, "101"), consult, CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallEnded(consult, HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallPartyChanged(Key("sim-2", "102"), "104", null, "102") { Direction = CallDirection.Internal, RedirectedFrom = "101" },
            new CallPartyChanged(Key(id, "104"), "104", null, "102") { Direction = CallDirection.Internal });
        await sim.Pbx.DropAsync(Key("sim-2", "102"), CancellationToken.None);
        await sim.ExpectAsync(
            new CallEnded(Key("sim-2", "102"), HangupCause.Normal, HangupSide.Local),
            new CallEnded(Key(id, "104"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Completing_a_transfer_while_the_target_still_rings_hands_it_the_ringing_call()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None);
        await sim.NextAsync<CallHeld>();
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAppeared>();

        await sim.Pbx.CompleteTransferAsync(Key(id, "101"), Key("sim-2", "101"), CancellationToken.None);
        await sim.Pbx.AnswerAsync(Key("sim-2", "102"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallEnded(Key("sim-2", "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallPartyChanged(Key("sim-2", "102"), Caller, null, "102") { Direction = CallDirection.Incoming, RedirectedFrom = "101" },
            new CallAnswered(Key("sim-2", "102")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Cancelling_a_transfer_ends_the_consultation_and_takes_the_held_call_back()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        var consult = await ConsultAsync(sim, Key(id, "101"), "102");

        await sim.Pbx.CancelTransferAsync(Key(id, "101"), consult, CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(consult, HangupCause.Normal, HangupSide.Local),
            new CallEnded(Key("sim-2", "102"), HangupCause.Normal, HangupSide.Remote),
            new CallUnheld(Key(id, "101")));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal("connected", Assert.Single(sim.Pbx.ListCalls()).Callee!.State);
    }

    [Fact]
    public async Task Consultation_with_an_outside_number_is_outgoing_and_answered_over_http()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.MakeConsultCallAsync(Key(id, "101"), OutsideNumber, CancellationToken.None);
        Assert.True(sim.Pbx.AnswerAsOutsideParty("sim-2").Succeeded);

        await sim.ExpectAsync(
            new CallHeld(Key(id, "101")),
            new CallAppeared(Key("sim-2", "101"), id, CallDirection.Outgoing, "101", null, OutsideNumber) { ParentPbxCallId = id },
            new CallAnswered(Key("sim-2", "101")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Completing_with_a_call_that_is_not_the_consultation_of_the_held_call_is_refused()
    {
        await using var sim = await StartAsync();
        var first = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.HoldAsync(Key(first, "101"), CancellationToken.None);
        await sim.NextAsync<CallHeld>();
        var second = await sim.ConnectedInboundAsync("101", OtherCaller);

        await Refused.ByPbx(
            () => sim.Pbx.CompleteTransferAsync(Key(first, "101"), Key(second, "101"), CancellationToken.None),
            $"Call {second} on line 101 is not a consultation made from call {first} on line 101.");
        await Refused.ByPbx(
            () => sim.Pbx.CancelTransferAsync(Key(first, "101"), Key(second, "101"), CancellationToken.None),
            "is not a consultation made from");
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Completing_after_the_consulted_party_hung_up_is_refused()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        var consult = await ConsultAsync(sim, Key(id, "101"), "102");
        await sim.Pbx.DropAsync(Key("sim-2", "102"), CancellationToken.None);
        await sim.NextAsync<CallEnded>();
        await sim.NextAsync<CallEnded>();

        await Refused.ByPbx(
            () => sim.Pbx.CompleteTransferAsync(Key(id, "101"), consult, CancellationToken.None),
            "There is no active call sim-2 on line 101");
        await sim.Pbx.UnholdAsync(Key(id, "101"), CancellationToken.None);
        await sim.ExpectAsync(new CallUnheld(Key(id, "101")));
    }

    [Fact]
    public async Task Unhold_and_a_second_consultation_are_refused_while_a_consultation_is_in_progress()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await ConsultAsync(sim, Key(id, "101"), "102");

        await Refused.ByPbx(() => sim.Pbx.UnholdAsync(Key(id, "101"), CancellationToken.None), "complete or cancel the transfer instead");
        await Refused.ByPbx(() => sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "103", CancellationToken.None), "already has a consultation (sim-2)");
        await Refused.ByPbx(() => sim.Pbx.BlindTransferAsync(Key(id, "101"), "103", CancellationToken.None), "has a consultation in progress");
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Completing_a_transfer_that_would_join_a_line_with_itself_is_refused()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("101", "102");
        var consult = await ConsultAsync(sim, Key(id, "101"), "102");

        await Refused.ByPbx(
            () => sim.Pbx.CompleteTransferAsync(Key(id, "101"), consult, CancellationToken.None),
            "Line 102 is both the held party and the consulted one");
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Consultation_from_a_ringing_call_is_refused()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");

        await Refused.ByPbx(
            () => sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None),
            "is not answered yet, so it cannot be used for a consultation");
    }

    /// <summary>Makes a consultation from <paramref name="held"/> to an extension that answers it; returns its key on the consulting line.</summary>
    private static async Task<CallKey> ConsultAsync(SimulatorHarness sim, CallKey held, string target)
    {
        await sim.Pbx.MakeConsultCallAsync(held, target, CancellationToken.None);
        await sim.ExpectAsync(new CallHeld(held));
        var consult = (await sim.NextAsync<CallAppeared>()).Key;
        await sim.NextAsync<CallAppeared>();
        await sim.Pbx.AnswerAsync(Key(consult.PbxCallId, target), CancellationToken.None);
        await sim.ExpectAsync(new CallAnswered(Key(consult.PbxCallId, target)), new CallAnswered(consult));
        return consult;
    }
}
