using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Asterisk.Tests.Mapping.CallAssert;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>More of what the recordings do not show: parking ends other than retrieval, transfers of a line, internal hold.</summary>
public sealed class ScriptedHoldAndTransferTests
{
    [Fact]
    public void A_parked_caller_who_hangs_up_ends_the_held_call_that_waited_for_the_line()
    {
        var script = new AmiScript();
        var (trunk, agent) = AnsweredInbound(script);
        Park(script, trunk, agent);
        script.HangupRequest(trunk).Blocks("ParkedCallGiveUp", null, [("Parkee", trunk)], ("ParkingSpace", "701"))
            .BridgeLeave(trunk, "lot", "parking").Hangup(trunk);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Finished(call, new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        Assert.Equal([CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Held, CallChangeKind.Finished], Changes(run, call.Key));
    }

    [Fact]
    public void A_parked_caller_taken_by_another_line_is_transferred_to_that_line()
    {
        var script = new AmiScript();
        var (trunk, agent) = AnsweredInbound(script);
        Park(script, trunk, agent);
        var colleague = script.Phone("102", linkedTo: null, exten: "701");
        script.Newchannel(colleague, 4).Newexten(colleague, "701", "ParkedCall", "default,701").Newstate(colleague, 6)
            .Event("MusicOnHoldStop", trunk)
            .Blocks("UnParkedCall", null, [("Parkee", trunk), ("Retriever", colleague)], ("ParkingSpace", "701"))
            .BridgeLeave(trunk, "lot", "parking").Bridge("retrieved", trunk, colleague)
            .HangupRequest(trunk).BridgeLeave(trunk, "retrieved").BridgeLeave(colleague, "retrieved").Hangup(trunk).Hangup(colleague);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        var parked = run.OnlyCallOn("101");
        Finished(parked, new CallKey(trunk.Linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Transferred);
        Assert.Equal("102", parked.RedirectedTo);
        var taken = run.OnlyCallOn("102");
        Finished(taken, new CallKey(trunk.Linkedid, "102"), CallDirection.Incoming, Caller, "102", CallEndReason.Completed);
        Assert.Equal("101", taken.RedirectedFrom);
    }

    [Fact]
    public void A_line_transferred_blindly_by_another_line_learns_its_new_far_end_and_the_target_who_handed_it_over()
    {
        var script = new AmiScript();
        var caller = script.Phone("103", linkedTo: null, exten: "101");
        var agent = script.Phone("101", caller);
        script.Newchannel(caller, 4).Newexten(caller, "101", "Dial", "PJSIP/101,15,tT").Newchannel(agent)
            .DialBegin(caller, agent, "PJSIP/101").Answer(caller, agent).Newstate(caller, 6).Bridge("first", agent, caller);
        var target = script.Phone("102", caller);
        script.Event("Unhold", agent)
            .Blocks("BlindTransfer", null, [("Transferer", agent), ("Transferee", caller)],
                ("Result", "Success"), ("Extension", "102"), ("Context", "from-internal"), ("IsExternal", "Yes"))
            .Newexten(caller, "102", "Dial", "PJSIP/102,15,tT").BridgeLeave(caller, "first").BridgeLeave(agent, "first").Hangup(agent)
            .Newchannel(target).DialBegin(caller, target, "PJSIP/102").Answer(caller, target).Bridge("second", target, caller)
            .HangupRequest(caller).BridgeLeave(caller, "second").BridgeLeave(target, "second").Hangup(caller).Hangup(target);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102", "103");
        var conversation = caller.Linkedid;
        var transferred = run.OnlyCallOn("103");
        Finished(transferred, new CallKey(conversation, "103"), CallDirection.Internal, "103", "102", CallEndReason.Completed);
        Assert.Contains(CallChangeKind.PartyChanged, Changes(run, transferred.Key));
        Finished(run.OnlyCallOn("101"), new CallKey(conversation, "101"), CallDirection.Internal, "103", "101", CallEndReason.Transferred);
        var target102 = run.OnlyCallOn("102");
        Finished(target102, new CallKey(conversation, "102"), CallDirection.Internal, "103", "102", CallEndReason.Completed);
        Assert.Equal("101", target102.RedirectedFrom);
    }

    [Fact]
    public void The_phone_holding_an_internal_call_holds_its_own_call_not_the_other_lines()
    {
        var script = new AmiScript();
        var caller = script.Phone("101", linkedTo: null, exten: "102");
        var callee = script.Phone("102", caller);
        script.Newchannel(caller, 4).Newexten(caller, "102", "Dial", "PJSIP/102,15,tT").Newchannel(callee)
            .DialBegin(caller, callee, "PJSIP/102").Answer(caller, callee).Newstate(caller, 6).Bridge("b", callee, caller)
            .Event("Hold", caller).Event("MusicOnHoldStart", callee).Event("Unhold", caller).Event("MusicOnHoldStop", callee)
            .HangupRequest(callee).BridgeLeave(callee, "b").BridgeLeave(caller, "b").Hangup(callee).Hangup(caller);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        var key101 = new CallKey(caller.Linkedid, "101");
        var key102 = new CallKey(caller.Linkedid, "102");
        Assert.Equal(
            [CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Held, CallChangeKind.Unheld, CallChangeKind.Finished],
            Changes(run, key101));
        Assert.DoesNotContain(CallChangeKind.Held, Changes(run, key102));
        Finished(run.OnlyCallOn("102"), key102, CallDirection.Internal, "101", "102", CallEndReason.Completed);
    }

    [Fact]
    public void Click_to_call_to_another_line_is_internal_on_both_and_the_callee_does_not_see_the_originate_caller_id_as_a_name()
    {
        var script = new AmiScript();
        var agent = script.Phone("101", linkedTo: null);
        var colleague = script.Phone("102", agent);
        script.Newchannel(agent).NewCallerid(agent, "102").DialBegin(null, agent, "101").Answer(null, agent)
            .Newexten(agent, "102", "NoOp").Newexten(agent, "102", "Dial", "PJSIP/102,15,tT")
            .Newchannel(colleague).DialBegin(agent, colleague, "PJSIP/102").Answer(agent, colleague).Bridge("b", colleague, agent)
            .SoftHangupRequest(agent).BridgeLeave(agent, "b").BridgeLeave(colleague, "b").Hangup(agent).Hangup(colleague);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101", "102");
        Finished(run.OnlyCallOn("101"), new CallKey(agent.Uniqueid, "101"), CallDirection.Internal, "101", "102", CallEndReason.Completed);
        var callee = run.OnlyCallOn("102");
        Finished(callee, new CallKey(agent.Uniqueid, "102"), CallDirection.Internal, "101", "102", CallEndReason.Completed);
        Assert.Null(callee.CallerName);
    }

    [Fact]
    public void Click_to_call_through_a_Local_channel_is_the_agents_outgoing_call_and_no_Local_channel_is_a_line()
    {
        // Originate Channel: Local/101@from-internal, Exten: 984951112233 - the Local pair rings the phone, then dials out.
        var script = new AmiScript();
        var (one, two) = script.Local("101", "from-internal", linkedTo: null);
        var agent = script.Phone("101", one);
        script.Newchannel(one).Newchannel(two).NewCallerid(one, "84951112233").DialBegin(null, one, "Local/101@from-internal")
            .Newexten(two, "101", "NoOp").Newexten(two, "101", "Dial", "PJSIP/101,15,tT")
            .Newchannel(agent).DialBegin(two, agent, "PJSIP/101").Answer(two, agent).Newstate(two, 6).Bridge("agent", agent, two)
            .Newstate(one, 6).DialEnd(null, one, "ANSWER");
        var carrier = script.Carrier(one);
        script.Newexten(one, Outside, "NoOp").Newexten(one, Outside, "Dial", "PJSIP/84951112233@carrier,30,tT")
            .Newchannel(carrier).DialBegin(one, carrier, "PJSIP/84951112233@carrier").Answer(one, carrier).Bridge("out", carrier, one)
            .HangupRequest(carrier).BridgeLeave(carrier, "out").BridgeLeave(one, "out").Hangup(carrier).Hangup(one)
            .BridgeLeave(two, "agent").Hangup(two).BridgeLeave(agent, "agent").Hangup(agent);

        var run = ScenarioRun.Play(script);

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey(one.Uniqueid, "101"), CallDirection.Outgoing, "101", Outside, CallEndReason.Completed);
        Assert.Contains(run.Facts, f => f is CallEnded { Side: HangupSide.Remote });
    }

    [Fact]
    public void Joining_and_leaving_queues_is_call_centre_mode_and_a_pause_without_reason_is_away()
    {
        var script = new AmiScript()
            .Raw("QueueMemberAdded", ("Queue", "support"), ("Interface", "PJSIP/101"), ("StateInterface", "PJSIP/101"), ("Paused", "0"))
            .Raw("QueueMemberAdded", ("Queue", "sales"), ("Interface", "PJSIP/101"), ("StateInterface", "PJSIP/101"), ("Paused", "0"))
            .Raw("QueueMemberPause", ("Queue", "support"), ("Interface", "PJSIP/101"), ("Paused", "1"), ("PausedReason", ""))
            .Raw("QueueMemberRemoved", ("Queue", "support"), ("Interface", "PJSIP/101"))
            .Raw("QueueMemberRemoved", ("Queue", "sales"), ("Interface", "PJSIP/101"))
            .Raw("QueueMemberAdded", ("Queue", "support"), ("Interface", "SIP/trunk"), ("Paused", "0"));

        var run = ScenarioRun.Play(script);

        Assert.Equal(
            [
                new CallCentreModeReported("101", true),
                new AgentStatusReported("101", new Telephony.Agents.AgentStatus(Telephony.Agents.AgentState.Away)),
                new CallCentreModeReported("101", false),
            ],
            run.Facts);
        Assert.False(run.Tracker.Snapshot("101").CallCentreMode);
        Assert.Equal(1, run.Mapper.Counters.Skipped);
    }

    [Fact]
    public void A_line_paused_in_one_queue_stays_away_while_another_queue_reports_it_unpaused()
    {
        var script = new AmiScript()
            .Raw("QueueMemberPause", ("Queue", "support"), ("Interface", "PJSIP/101"), ("Paused", "1"), ("PausedReason", "Training"))
            .Raw("QueueMemberStatus", ("Queue", "sales"), ("Interface", "PJSIP/101"), ("Paused", "0"), ("PausedReason", ""))
            .Raw("QueueMemberPause", ("Queue", "support"), ("Interface", "PJSIP/101"), ("Paused", "0"), ("PausedReason", ""));

        var run = ScenarioRun.Play(script);

        Assert.Equal(
            [
                new Telephony.Agents.AgentStatus(Telephony.Agents.AgentState.Away, "Training"),
                Telephony.Agents.AgentStatus.Available,
            ],
            run.Facts.OfType<AgentStatusReported>().Select(f => f.Status));
    }

    private static (ScriptChannel Trunk, ScriptChannel Agent) AnsweredInbound(AmiScript script)
    {
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newexten(trunk, "101", "Dial", "PJSIP/101,15,tT").Newchannel(agent)
            .DialBegin(trunk, agent, "PJSIP/101").Answer(trunk, agent).Newstate(trunk, 6).Bridge("first", agent, trunk);
        return (trunk, agent);
    }

    /// <summary>AMI Park of the caller (res_parking): it leaves for the parking lot, the agent alone is hung up.</summary>
    private static void Park(AmiScript script, ScriptChannel trunk, ScriptChannel agent)
    {
        script.Raw("BridgeCreate", ("BridgeUniqueid", "lot"), ("BridgeType", "parking"), ("BridgeTechnology", "holding_bridge"))
            .BridgeLeave(trunk, "first")
            .Blocks("ParkedCall", null, [("Parkee", trunk)], ("ParkingSpace", "701"), ("ParkerDialString", "PJSIP/101"))
            .BridgeEnter(trunk, "lot", "parking").Event("MusicOnHoldStart", trunk, ("Class", "default"))
            .BridgeLeave(agent, "first").Hangup(agent);
    }
}
