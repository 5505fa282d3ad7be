using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Asterisk.Tests.Mapping.CallAssert;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>The Asterisk 20 / chan_sip recordings, each played through the mapper into a real call tracker.</summary>
public sealed class SipRecordingTests
{
    [Fact]
    public void An_inbound_call_answered_by_the_agent_is_one_completed_incoming_call_on_line_101()
    {
        var run = ScenarioRun.Play("01-inbound-answered.ami");

        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Finished(call, new CallKey("1795479568.2", "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        Assert.Equal([CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Finished], Changes(run, call.Key));
    }

    [Fact]
    public void Click_to_call_is_an_outgoing_call_placed_by_the_line_to_the_dialled_number()
    {
        var run = ScenarioRun.Play("02-click-to-call.ami");

        // The agent's phone rang first showing the number; the call is the line's, to that number, not an incoming one.
        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795479581.4", "101"), CallDirection.Outgoing, "101", Outside, CallEndReason.Completed);
    }

    [Fact]
    public void An_inbound_call_nobody_answers_is_missed()
    {
        var run = ScenarioRun.Play("03-inbound-no-answer.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795479615.8", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Missed, answered: false);
    }

    [Theory]
    [InlineData("06-blind-transfer.ami", "1795479636.10")]
    [InlineData("06b-redirect-transfer.ami", "1795479655.13")]
    public void A_blind_transfer_ends_the_first_line_transferred_and_gives_the_target_a_call_redirected_from_it(
        string recording, string linkedid)
    {
        var run = ScenarioRun.Play(recording);

        OnlyLines(run, "101", "102");
        var first = run.OnlyCallOn("101");
        Finished(first, new CallKey(linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Transferred);
        Assert.Equal("102", first.RedirectedTo);
        var target = run.OnlyCallOn("102");
        Finished(target, new CallKey(linkedid, "102"), CallDirection.Incoming, Caller, "102", CallEndReason.Completed);
        Assert.Equal("101", target.RedirectedFrom);
    }

    [Theory]
    [InlineData("08-hold-reinvite.ami", "1795479673.16")]
    [InlineData("08b-hold-park.ami", "1795479689.18")]
    [InlineData("08c-hold-redirect-moh.ami", "1795479713.21")]
    public void Hold_and_unhold_keep_one_call_with_one_key_whatever_the_way_of_holding(string recording, string linkedid)
    {
        var run = ScenarioRun.Play(recording);

        // Park hangs the agent's channel up and brings a new one back: still the same call, the same row in the log.
        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Finished(call, new CallKey(linkedid, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        Assert.Equal(
            [CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Held, CallChangeKind.Unheld, CallChangeKind.Finished],
            Changes(run, call.Key));
        Assert.True(call.CompletedHoldTime > TimeSpan.Zero);
    }

    [Fact]
    public void Digits_from_the_phone_and_from_PlayDTMF_with_Receive_reach_the_line_in_order()
    {
        var run = ScenarioRun.Play("09-dtmf.ami");

        // 1, 2, # by SIP INFO, then 7 by PlayDTMF Receive: true; PlayDTMF without Receive gives no event at all.
        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Assert.Equal("12#7", string.Concat(run.Events.OfType<DtmfEntered>().Select(e => e.Digit)));
        Assert.All(run.Events.OfType<DtmfEntered>(), e => Assert.Equal(call.Key, e.Call.Key));
        Finished(call, new CallKey("1795479735.24", "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
    }

    [Fact]
    public void Housekeeping_actions_in_the_middle_of_a_call_change_nothing_about_it()
    {
        var run = ScenarioRun.Play("11-housekeeping.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795479751.26", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
    }

    [Fact]
    public void A_failed_login_has_no_events_and_gives_no_facts()
    {
        var run = ScenarioRun.Play("11-housekeeping-bad-login.ami");

        Assert.Empty(run.Facts);
        Assert.Equal(new AmiMappingCounters(2, 0, 2, 0), run.Mapper.Counters);
    }

    [Fact]
    public void The_burst_between_trunk_and_carrier_puts_no_call_on_any_line()
    {
        var run = ScenarioRun.Play("13-burst.ami");

        Assert.Empty(run.Facts);
        Assert.Equal(0, run.Mapper.Counters.Skipped);
    }

    [Fact]
    public void The_burst_with_the_carrier_taken_for_an_agent_line_is_120_completed_calls_and_none_left_active()
    {
        // The recording routes trunk to carrier; declaring the carrier's device a line makes it 120 answered
        // inbound calls on one line, up to 70 at once, to exercise the mapper at volume.
        var options = new AmiMappingOptions();
        options.KnownLines.Add("carrier");
        var run = ScenarioRun.Play("13-burst.ami", options);

        OnlyLines(run, "carrier");
        Assert.Equal(120, run.Calls.Count);
        Assert.Equal(120, run.Calls.Select(c => c.Key).Distinct().Count());
        Assert.All(run.Calls, call =>
        {
            Assert.Equal(CallEndReason.Completed, call.EndReason);
            Assert.Equal(CallDirection.Incoming, call.Direction);
            Assert.Equal(Caller, call.CallerNumber);
            Assert.Equal("7001", call.CalleeNumber);
            Assert.Equal(call.PbxCallId, call.ConversationId);
        });
    }

    [Fact]
    public void A_supervisor_listening_through_ChanSpy_has_a_listening_call_in_the_conversation_it_listens_to()
    {
        var run = ScenarioRun.Play("14-chanspy-listen.ami");

        OnlyLines(run, "101", "103");
        Finished(run.OnlyCallOn("101"), new CallKey("1795480035.52", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
        var listening = run.OnlyCallOn("103");
        Assert.True(listening.IsListening);
        Finished(listening, new CallKey("1795480037.54", "103"), CallDirection.Internal, "103", "101", CallEndReason.Completed,
            conversation: "1795480035.52");
    }

    [Fact]
    public void An_internal_call_dialled_on_the_phone_is_an_internal_call_on_both_lines()
    {
        var run = ScenarioRun.Play("15-internal-call-from-phone.ami");

        OnlyLines(run, "101", "102");
        var caller = run.OnlyCallOn("101");
        Finished(caller, new CallKey("1795480114.295", "101"), CallDirection.Internal, "101", "102", CallEndReason.Completed);
        Assert.True(caller.IsPlacedByLine);
        var callee = run.OnlyCallOn("102");
        Finished(callee, new CallKey("1795480114.295", "102"), CallDirection.Internal, "101", "102", CallEndReason.Completed);
        Assert.Equal("Agent 101", callee.CallerName);
        Assert.False(callee.IsPlacedByLine);
    }

    [Fact]
    public void An_outbound_call_from_the_phone_that_the_far_end_hangs_up_is_completed()
    {
        var run = ScenarioRun.Play("16-outbound-from-phone-remote-hangup.ami");

        OnlyLines(run, "101");
        Finished(run.OnlyCallOn("101"), new CallKey("1795480122.297", "101"), CallDirection.Outgoing, "101", Outside,
            CallEndReason.Completed);
        Assert.Contains(run.Facts, f => f is Telephony.Connectors.CallEnded { Side: Telephony.Connectors.HangupSide.Remote });
    }
}
