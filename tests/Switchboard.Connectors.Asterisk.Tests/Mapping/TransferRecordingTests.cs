using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Asterisk.Tests.Mapping.CallAssert;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>
/// Attended transfers recorded from the reference Asterisk 22.10.1 (asterisk22-transfers/): AMI Atxfer puts both
/// halves of its Local pair under TRANSFERERNAME / ATTENDEDTRANSFER before LocalBridge, and the consultation is
/// still one call and one row on the consulting line.
/// </summary>
public sealed class TransferRecordingTests
{
    private const string Folder = "asterisk22-transfers/";

    [Fact]
    public void A_completed_attended_transfer_is_one_consultation_and_the_target_gets_the_caller()
    {
        var run = ScenarioRun.Play(Folder + "21-attended-transfer-completed.ami");

        OnlyLines(run, "101", "102");
        var on101 = run.CallsOn("101");
        Assert.Equal(2, on101.Count);
        var original = on101[0];
        var consultation = on101[1];
        Finished(original, original.Key, CallDirection.Incoming, Caller, "101", CallEndReason.Transferred);
        Assert.Equal("102", original.RedirectedTo);
        Assert.Contains(CallChangeKind.Held, Changes(run, original.Key));
        Finished(consultation, consultation.Key, CallDirection.Internal, "101", "102", CallEndReason.Transferred,
            conversation: original.ConversationId);
        Assert.Equal(original.PbxCallId, consultation.ParentPbxCallId);
        Assert.StartsWith("1", consultation.PbxCallId, StringComparison.Ordinal);

        var handedOver = run.OnlyCallOn("102");
        Assert.Equal((CallDirection.Incoming, Caller, "101", CallEndReason.Completed),
            (handedOver.Direction, handedOver.CallerNumber, handedOver.RedirectedFrom, handedOver.EndReason));
        Assert.Equal(3, run.Facts.OfType<CallAppeared>().Count());
    }

    [Fact]
    public void A_cancelled_attended_transfer_is_one_consultation_and_the_agent_keeps_the_caller()
    {
        var run = ScenarioRun.Play(Folder + "21b-attended-transfer-cancelled.ami");

        OnlyLines(run, "101", "102");
        var on101 = run.CallsOn("101");
        Assert.Equal(2, on101.Count);
        var original = on101[0];
        Finished(original, original.Key, CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        Assert.Equal(
            [CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.Held, CallChangeKind.Unheld, CallChangeKind.Finished],
            Changes(run, original.Key));
        Assert.Equal(original.PbxCallId, on101[1].ParentPbxCallId);
        Assert.Equal(CallState.Finished, on101[1].State);
        Assert.Single(run.CallsOn("102"));
        Assert.Equal(3, run.Facts.OfType<CallAppeared>().Count());
    }

    [Fact]
    public void A_consultation_turned_into_a_three_way_call_leaves_one_row_per_call_and_the_target_with_the_caller()
    {
        // atxferthreeway (*5) during the consultation: all three end up in the caller's bridge (AttendedTransfer
        // DestType Threeway), then 101 hangs up and the caller and 102 talk on. Each real party is a member of the
        // conference while it is in that bridge; the conference ends when one party is left.
        var run = ScenarioRun.Play(Folder + "22-attended-transfer-threeway.ami");

        OnlyLines(run, "101", "102");
        var on101 = run.CallsOn("101");
        Assert.Equal(2, on101.Count);
        Assert.All(on101, c => Assert.Equal(CallEndReason.Completed, c.EndReason));
        Assert.Equal(on101[0].PbxCallId, on101[1].ParentPbxCallId);
        var at102 = run.OnlyCallOn("102");
        Assert.Equal((Caller, "101", CallEndReason.Completed), (at102.CallerNumber, at102.RedirectedFrom, at102.EndReason));

        var joined = run.Facts.OfType<ConferenceJoined>().ToList();
        Assert.Equal([Caller, "101", "102"], joined.Select(j => j.Member.Number).Order(StringComparer.Ordinal));
        Assert.Single(joined.Select(j => j.ConferenceId).Distinct());
        Assert.Contains(joined.Single(j => j.Member.Number == "101").Call, on101.Select(c => (CallKey?)c.Key));
        Assert.Equal(at102.Key, joined.Single(j => j.Member.Number == "102").Call);
        Assert.Single(run.Facts.OfType<ConferenceEnded>());
        Assert.Contains(run.Events, e => e is CallChanged { Call.Line: "102", Call.Conference.Members.Count: 3 });
    }
}
