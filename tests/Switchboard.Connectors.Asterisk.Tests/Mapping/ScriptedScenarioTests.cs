using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Asterisk.Tests.Mapping.CallAssert;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>
/// Situations the recordings do not show (attended transfer, busy, abandoned, rejected, pickup...), written as the
/// events Asterisk sends for them, and played through the mapper into a real call tracker.
/// </summary>
public sealed class ScriptedScenarioTests
{
    /// <summary>
    /// Which halves of the transfer's Local pair get Asterisk's VarSets, and whether LocalBridge pairs them first.
    /// Live Asterisk 20 and 22 set them on ;1 and the ;2 inherits them; without VarSet (an event filter that drops
    /// it), the transferer entering the Local channel's bridge tells the same.
    /// </summary>
    public enum TransferVariables
    {
        None,
        FirstHalf,
        BothHalves,
        BothHalvesSecondFirst,
        BothHalvesAfterLocalBridge,
        SecondHalfOnly,
    }

    [Theory]
    [InlineData(TransferVariables.None)]
    [InlineData(TransferVariables.FirstHalf)]
    [InlineData(TransferVariables.BothHalves)]
    [InlineData(TransferVariables.BothHalvesSecondFirst)]
    [InlineData(TransferVariables.BothHalvesAfterLocalBridge)]
    [InlineData(TransferVariables.SecondHalfOnly)]
    public void An_attended_transfer_by_Atxfer_holds_the_call_consults_the_target_and_hands_the_caller_over(TransferVariables variables)
    {
        var script = new AmiScript();
        var (trunk, agent) = AnsweredInbound(script);
        var (local1, local2, target) = StartAtxfer(script, agent, trunk, variables);
        // The transferer hangs up to complete: the consultation bridge merges into the caller's.
        script.HangupRequest(agent).BridgeLeave(agent, "consult").BridgeLeave(local1, "consult").BridgeEnter(local1, "first")
            .Event("MusicOnHoldStop", trunk)
            .Blocks(
                "AttendedTransfer",
                null,
                [("OrigTransferer", agent), ("SecondTransferer", agent), ("Transferee", trunk), ("TransferTarget", local1)],
                ("Result", "Success"),
                ("DestType", "Bridge"),
                ("DestBridgeUniqueid", "first"))
            .Hangup(agent);
        // Local optimization: the target takes the Local channel's place.
        script.BridgeLeave(target, "dial").BridgeEnter(target, "first").BridgeLeave(local1, "first").BridgeLeave(local2, "dial")
            .Hangup(local2).Hangup(local1);
        script.HangupRequest(trunk).BridgeLeave(trunk, "first").BridgeLeave(target, "first").Hangup(trunk).Hangup(target);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        var conversation = trunk.Linkedid;
        var on101 = run.CallsOn("101");
        Assert.Equal(2, on101.Count);
        Finished(on101[0], new CallKey(conversation, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Transferred);
        Assert.Equal("102", on101[0].RedirectedTo);
        Assert.Contains(CallChangeKind.Held, Changes(run, on101[0].Key));
        var consultation = on101[1];
        Finished(consultation, new CallKey(local1.Uniqueid, "101"), CallDirection.Internal, "101", "102", CallEndReason.Transferred,
            conversation: conversation);
        Assert.Equal(conversation, consultation.ParentPbxCallId);
        Assert.Equal("102", consultation.RedirectedTo);

        // The target's call began with the consultation: its key is the consultation's first channel, like the consultation's.
        var handedOver = run.OnlyCallOn("102");
        Finished(handedOver, new CallKey(local1.Uniqueid, "102"), CallDirection.Incoming, Caller, "102", CallEndReason.Completed,
            conversation: conversation);
        Assert.Equal("101", handedOver.RedirectedFrom);
        Assert.Single(run.Facts.OfType<CallPartyChanged>());
        Assert.Equal(3, run.Facts.OfType<CallAppeared>().Count());
    }

    [Theory]
    [InlineData(TransferVariables.None)]
    [InlineData(TransferVariables.FirstHalf)]
    [InlineData(TransferVariables.BothHalves)]
    [InlineData(TransferVariables.BothHalvesSecondFirst)]
    [InlineData(TransferVariables.BothHalvesAfterLocalBridge)]
    public void A_cancelled_attended_transfer_ends_the_consultation_and_takes_the_held_call_back(TransferVariables variables)
    {
        var script = new AmiScript();
        var (trunk, agent) = AnsweredInbound(script);
        var (local1, local2, target) = StartAtxfer(script, agent, trunk, variables);
        script.BridgeLeave(agent, "consult").BridgeEnter(agent, "first").Event("Unhold", agent).Event("MusicOnHoldStop", trunk)
            .Blocks("AttendedTransfer", null, [("OrigTransferer", agent), ("SecondTransferer", agent)], ("Result", "Fail"), ("DestType", "Fail"))
            .BridgeLeave(local1, "consult").Hangup(local1).BridgeLeave(local2, "dial").Hangup(local2)
            .BridgeLeave(target, "dial").Hangup(target);
        script.HangupRequest(trunk).BridgeLeave(trunk, "first").BridgeLeave(agent, "first").Hangup(trunk).Hangup(agent);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        var on101 = run.CallsOn("101");
        Finished(on101[0], new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        Assert.Equal(
            [CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Held, CallChangeKind.Unheld, CallChangeKind.Finished],
            Changes(run, on101[0].Key));
        Finished(on101[1], new CallKey(local1.Uniqueid, "101"), CallDirection.Internal, "101", "102", CallEndReason.Completed,
            conversation: trunk.Linkedid);
        Finished(run.OnlyCallOn("102"), new CallKey(local1.Uniqueid, "102"), CallDirection.Internal, "101", "102",
            CallEndReason.Completed, conversation: trunk.Linkedid);
        Assert.Equal(2, on101.Count);
    }

    [Fact]
    public void An_attended_transfer_made_on_the_phone_joins_its_two_calls_and_the_target_learns_who_handed_over()
    {
        var script = new AmiScript();
        var (trunk, first) = AnsweredInbound(script);
        script.Event("Hold", first).Event("MusicOnHoldStart", trunk);
        var second = script.Phone("101", linkedTo: null, exten: "102");
        var target = script.Phone("102", second);
        script.Newchannel(second, 4).Newexten(second, "102", "NoOp").Newexten(second, "102", "Dial", "PJSIP/102,15,tT")
            .Newchannel(target).DialBegin(second, target, "PJSIP/102").Answer(second, target).Newstate(second, 6)
            .Bridge("consult", target, second);
        // REFER with Replaces: the two bridges merge, the phone's two channels go.
        script.BridgeLeave(first, "first").BridgeLeave(second, "consult").BridgeLeave(target, "consult").BridgeEnter(target, "first")
            .Event("MusicOnHoldStop", trunk)
            .Blocks(
                "AttendedTransfer",
                null,
                [("OrigTransferer", first), ("SecondTransferer", second), ("Transferee", trunk), ("TransferTarget", target)],
                ("Result", "Success"),
                ("DestType", "Bridge"))
            .Hangup(first).Hangup(second);
        script.HangupRequest(trunk).BridgeLeave(trunk, "first").BridgeLeave(target, "first").Hangup(trunk).Hangup(target);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        var on101 = run.CallsOn("101");
        Finished(on101[0], new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Transferred);
        Finished(on101[1], new CallKey(second.Linkedid, "101"), CallDirection.Internal, "101", "102", CallEndReason.Transferred);
        Assert.Equal(trunk.Linkedid, on101[1].ParentPbxCallId);
        var handedOver = run.OnlyCallOn("102");
        Finished(handedOver, new CallKey(second.Linkedid, "102"), CallDirection.Incoming, Caller, "102", CallEndReason.Completed);
        Assert.Equal("101", handedOver.RedirectedFrom);
    }

    [Fact]
    public void An_outbound_call_to_a_busy_number_is_busy()
    {
        var script = new AmiScript();
        var agent = script.Phone("101", linkedTo: null, exten: Outside);
        var carrier = script.Carrier(agent);
        script.Newchannel(agent, 4).Newexten(agent, Outside, "NoOp").Newexten(agent, Outside, "Dial", "PJSIP/84951112233@carrier,30,tT")
            .Newchannel(carrier).DialBegin(agent, carrier, "PJSIP/84951112233@carrier").DialEnd(agent, carrier, "BUSY")
            .Hangup(carrier, 17).Newexten(agent, Outside, "Hangup").SoftHangupRequest(agent).Hangup(agent, 17);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Finished(call, new CallKey(agent.Uniqueid, "101"), CallDirection.Outgoing, "101", Outside, CallEndReason.Busy, answered: false);
        Assert.Contains(CallChangeKind.Busy, Changes(run, call.Key));
    }

    [Fact]
    public void An_inbound_call_the_caller_gives_up_while_it_rings_is_abandoned()
    {
        var script = new AmiScript();
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newchannel(agent).DialBegin(trunk, agent, "PJSIP/101").Newstate(agent, 5)
            .HangupRequest(trunk).DialEnd(trunk, agent, "CANCEL").Hangup(agent, 0).Hangup(trunk);

        var run = ScenarioRun.Play(script);

        Finished(run.OnlyCallOn("101"), new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Abandoned, answered: false);
    }

    [Fact]
    public void An_inbound_call_the_agent_declines_is_rejected()
    {
        var script = new AmiScript();
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newchannel(agent).DialBegin(trunk, agent, "PJSIP/101").Newstate(agent, 5)
            .Hangup(agent, 21).DialEnd(trunk, agent, "CONGESTION").SoftHangupRequest(trunk).Hangup(trunk);

        var run = ScenarioRun.Play(script);

        Finished(run.OnlyCallOn("101"), new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Rejected, answered: false);
    }

    [Fact]
    public void A_queue_caller_who_hangs_up_while_a_member_rings_abandoned_the_members_call()
    {
        var script = new AmiScript();
        var trunk = script.Trunk(did: "600");
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newstate(trunk, 6).Event("QueueCallerJoin", trunk, ("Queue", "support"))
            .Event("MusicOnHoldStart", trunk).Newchannel(agent)
            .Blocks("AgentCalled", trunk, [("Dest", agent)], ("Queue", "support"), ("Interface", "PJSIP/101"))
            .DialBegin(trunk, agent, "PJSIP/101").Newstate(agent, 5)
            .HangupRequest(trunk).Event("QueueCallerAbandon", trunk, ("Queue", "support"))
            .DialEnd(trunk, agent, "CANCEL").Hangup(agent, 0).Hangup(trunk);

        var run = ScenarioRun.Play(script);

        Finished(run.OnlyCallOn("101"), new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "600",
            CallEndReason.Abandoned, answered: false);
    }

    [Fact]
    public void A_queue_member_behind_a_Local_channel_gets_the_callers_call_and_the_Local_channel_is_no_line()
    {
        var script = new AmiScript();
        var trunk = script.Trunk(did: "600");
        var (one, two) = script.Local("101", "agents", trunk);
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newstate(trunk, 6).Newchannel(one).Newchannel(two)
            .Blocks("AgentCalled", trunk, [("Dest", one)], ("Queue", "support"), ("Interface", "Local/101@agents"))
            .DialBegin(trunk, one, "Local/101@agents").Newexten(two, "101", "Dial", "PJSIP/101")
            .Newchannel(agent).DialBegin(two, agent, "PJSIP/101").Answer(two, agent).Newstate(two, 6).Bridge("member", agent, two)
            .Newstate(one, 6).DialEnd(trunk, one, "ANSWER").Bridge("queue", one, trunk)
            .HangupRequest(trunk).BridgeLeave(trunk, "queue").Hangup(trunk).BridgeLeave(one, "queue").Hangup(one)
            .BridgeLeave(two, "member").Hangup(two).BridgeLeave(agent, "member").Hangup(agent);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "600",
            CallEndReason.Completed);
    }

    [Fact]
    public void A_colleague_picking_up_a_ringing_call_gets_it_and_the_line_that_rang_missed_it()
    {
        var script = new AmiScript();
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        var colleague = script.Phone("102", linkedTo: null, exten: "**101");
        script.Newchannel(trunk, 4).Newchannel(agent).DialBegin(trunk, agent, "PJSIP/101").Newstate(agent, 5)
            .Newchannel(colleague, 4).Newexten(colleague, "**101", "PickupChan", "PJSIP/101")
            .Newstate(colleague, 6).Blocks("Pickup", colleague, [("Target", agent)])
            // ast_do_pickup moves the picker into the rung channel's place (Uniqueids swapped): the Dial ends
            // answered by the picker's channel, and the rung one goes with cause 26, answered elsewhere.
            .DialEnd(trunk, colleague, "ANSWER").Hangup(agent, 26).Bridge("picked", trunk, colleague)
            .HangupRequest(trunk).BridgeLeave(trunk, "picked").BridgeLeave(colleague, "picked").Hangup(trunk).Hangup(colleague);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        Finished(run.OnlyCallOn("101"), new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Missed, answered: false);
        Finished(run.OnlyCallOn("102"), new CallKey(trunk.Linkedid, "102"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
    }

    [Fact]
    public void Click_to_call_the_agent_does_not_pick_up_is_an_outgoing_call_the_line_gave_up()
    {
        // The agent's phone rang with the number to call and nobody answered it: the attempt stays in the log.
        var script = new AmiScript();
        var agent = script.Phone("101", linkedTo: null);
        script.Newchannel(agent).NewCallerid(agent, "84951112233").DialBegin(null, agent, "101").Newstate(agent, 5)
            .DialEnd(null, agent, "NOANSWER").Hangup(agent, 0);

        var run = ScenarioRun.Play(script);

        Finished(run.OnlyCallOn("101"), new CallKey(agent.Uniqueid, "101"), CallDirection.Outgoing, "101", "84951112233",
            CallEndReason.Abandoned, answered: false);
    }

    private static (ScriptChannel Trunk, ScriptChannel Agent) AnsweredInbound(AmiScript script)
    {
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newexten(trunk, "101", "Dial", "PJSIP/101,15,tT").Newchannel(agent)
            .DialBegin(trunk, agent, "PJSIP/101").Answer(trunk, agent).Newstate(trunk, 6).Bridge("first", agent, trunk);
        return (trunk, agent);
    }

    /// <summary>AMI Atxfer to 102, as bridge_basic.c does it: hold, the feature's digits, a Local channel to the target, the move.</summary>
    private static (ScriptChannel Local1, ScriptChannel Local2, ScriptChannel Target) StartAtxfer(
        AmiScript script, ScriptChannel agent, ScriptChannel trunk, TransferVariables variables)
    {
        script.Event("Hold", agent).Event("MusicOnHoldStart", trunk, ("Class", "default"));
        var (one, two) = script.Local("102", "from-internal", agent);
        var target = script.Phone("102", agent);
        script.Newchannel(one).Newchannel(two);
        void Variables(ScriptChannel half) =>
            script.Event("VarSet", half, ("Variable", "TRANSFERERNAME"), ("Value", agent.Name))
                .Event("VarSet", half, ("Variable", "ATTENDEDTRANSFER"), ("Value", agent.Name));
        void LocalBridge() =>
            script.Blocks("LocalBridge", null, [("LocalOne", one), ("LocalTwo", two)], ("Context", "from-internal"),
                ("Exten", "102"), ("LocalOptimization", "Yes"));

        switch (variables)
        {
            case TransferVariables.FirstHalf:
                Variables(one);
                break;
            case TransferVariables.BothHalves:
                Variables(one);
                Variables(two);
                break;
            case TransferVariables.BothHalvesSecondFirst:
                Variables(two);
                Variables(one);
                break;
            case TransferVariables.BothHalvesAfterLocalBridge:
                LocalBridge();
                Variables(one);
                Variables(two);
                break;
            case TransferVariables.SecondHalfOnly:
                Variables(two);
                break;
        }

        if (variables != TransferVariables.BothHalvesAfterLocalBridge)
        {
            LocalBridge();
        }

        script.Bridge("consult", one)
            .Newexten(two, "102", "NoOp").Newexten(two, "102", "Dial", "PJSIP/102,15,tT")
            .Newchannel(target).DialBegin(two, target, "PJSIP/102")
            .BridgeLeave(agent, "first").BridgeEnter(agent, "consult")
            .Answer(two, target).Newstate(two, 6).Newstate(one, 6).Bridge("dial", target, two);
        return (one, two, target);
    }
}
