using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Asterisk.Tests.Mapping.CallAssert;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>The Asterisk 22 / PJSIP recordings (asterisk22-pjsip/), each played through the mapper into a real call tracker.</summary>
public sealed class PjsipRecordingTests
{
    private const string Folder = "asterisk22-pjsip/";

    [Fact]
    public void Phones_registering_give_no_calls_only_their_queue_membership()
    {
        var run = ScenarioRun.Play(Folder + "00-phones-register.ami");

        Assert.Empty(run.Calls);
        Assert.All(run.Facts, f => Assert.IsType<CallCentreModeReported>(f));
        Assert.True(run.Tracker.Snapshot("101").CallCentreMode);
    }

    [Fact]
    public void An_inbound_call_answered_by_the_agent_is_one_completed_incoming_call_on_line_101()
    {
        var run = ScenarioRun.Play(Folder + "01-inbound-answered.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795482905.0", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
    }

    [Fact]
    public void An_inbound_call_nobody_answers_is_missed_though_the_agent_leg_ends_with_cause_0()
    {
        var run = ScenarioRun.Play(Folder + "02-inbound-no-answer.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795482913.2", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Missed, answered: false);
    }

    [Fact]
    public void Click_to_call_is_an_outgoing_call_placed_by_the_line_to_the_dialled_number()
    {
        var run = ScenarioRun.Play(Folder + "05-click-to-call.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795482954.10", "101"), CallDirection.Outgoing, "101", Outside,
            CallEndReason.Completed);
    }

    [Theory]
    [InlineData("06a-hold-phone-reinvite.ami", "1795482962.12")]
    [InlineData("06b-hold-park.ami", "1795482979.14")]
    [InlineData("06c-hold-redirect-moh.ami", "1795483003.17")]
    public void Hold_and_unhold_keep_one_call_with_one_key_whatever_the_way_of_holding(string recording, string linkedid)
    {
        var run = ScenarioRun.Play(Folder + recording);

        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Finished(call, new CallKey(linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        Assert.Equal(
            [CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Held, CallChangeKind.Unheld, CallChangeKind.Finished],
            Changes(run, call.Key));
    }

    [Theory]
    [InlineData("07a-blind-transfer.ami", "1795483025.20")]
    [InlineData("07b-blind-transfer-redirect.ami", "1795483043.23")]
    public void A_blind_transfer_ends_the_first_line_transferred_and_gives_the_target_a_call_redirected_from_it(
        string recording, string linkedid)
    {
        var run = ScenarioRun.Play(Folder + recording);

        OnlyLines(run, "101", "102");
        var first = run.OnlyCallOn("101");
        Finished(first, new CallKey(linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Transferred);
        Assert.Equal("102", first.RedirectedTo);
        var target = run.OnlyCallOn("102");
        Finished(target, new CallKey(linkedid, "102"), CallDirection.Incoming, Caller, "102", CallEndReason.Completed);
        Assert.Equal("101", target.RedirectedFrom);
    }

    [Fact]
    public void Digits_by_SIP_INFO_by_RFC_4733_and_by_PlayDTMF_with_Receive_reach_the_line_in_order()
    {
        var run = ScenarioRun.Play(Folder + "09-dtmf.ami");

        // 1, 2, # (INFO), 3, 4 (RFC 4733), 7 (PlayDTMF Receive: true): each once, though relayed digits show twice on AMI.
        OnlyLines(run, "101");
        Assert.Equal("12#347", string.Concat(run.Events.OfType<DtmfEntered>().Select(e => e.Digit)));
    }

    [Fact]
    public void Housekeeping_and_a_phone_registering_again_change_nothing_about_the_call()
    {
        var run = ScenarioRun.Play(Folder + "11-housekeeping.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795483182.46", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
    }

    [Theory]
    [InlineData("11b-bad-login.ami")]
    [InlineData("11c-login-md5-challenge.ami")]
    public void Logins_give_no_facts(string recording)
    {
        var run = ScenarioRun.Play(Folder + recording);

        Assert.Empty(run.Facts);
        Assert.Equal(0, run.Mapper.Counters.Skipped);
    }

    [Fact]
    public void The_burst_answered_by_the_dialplan_puts_no_call_on_any_line()
    {
        var run = ScenarioRun.Play(Folder + "13-burst.ami");

        Assert.Empty(run.Facts);
        Assert.Equal(0, run.Mapper.Counters.Skipped);
    }

    [Fact]
    public void The_burst_with_the_trunk_taken_for_a_line_is_50_calls_to_the_dialplan_all_completed()
    {
        // With the trunk's device declared a line, each channel is a phone calling 7000, answered by the
        // dialplan (Answer, Playback) and hung up by it: 50 at once, none left active.
        var options = new AmiMappingOptions();
        options.KnownLines.Add("trunk");
        var run = ScenarioRun.Play(Folder + "13-burst.ami", options);

        OnlyLines(run, "trunk");
        Assert.Equal(50, run.Calls.Count);
        Assert.All(run.Calls, call =>
        {
            Assert.Equal(CallEndReason.Completed, call.EndReason);
            Assert.Equal("7000", call.CalleeNumber);
            Assert.True(call.IsPlacedByLine);
        });
    }

    [Fact]
    public void A_supervisor_listening_through_ChanSpy_has_a_listening_call_in_the_conversation_it_listens_to()
    {
        var run = ScenarioRun.Play(Folder + "14-chanspy-listen.ami");

        OnlyLines(run, "101", "103");
        Finished(run.OnlyCallOn("101"), new CallKey("1795483229.100", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
        var listening = run.OnlyCallOn("103");
        Assert.True(listening.IsListening);
        Finished(listening, new CallKey("1795483231.102", "103"), CallDirection.Internal, "103", "101", CallEndReason.Completed,
            conversation: "1795483229.100");
        // The Originate's ChanSpy options (qs, in OriginateResponse) say it is listening, and the agent is told.
        Assert.Equal(SupervisionMode.Listen, listening.SupervisionMode);
        Assert.Equal(new CallKey("1795483229.100", "101"), listening.SupervisedCall);
        Assert.Contains(run.Events.OfType<CallChanged>(), c => c.Call.Line == "101"
            && c.Call.Supervision == new CallSupervision(SupervisionMode.Listen, "103"));
        Assert.Null(run.OnlyCallOn("101").Supervision);
    }
}
