using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Asterisk.Tests.Mapping.CallAssert;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>The Asterisk 22 feature recordings (asterisk22-features/): every call tracked right, the rest not in the way.</summary>
public sealed class FeatureRecordingTests
{
    private const string Folder = "asterisk22-features/";

    [Fact]
    public void Recording_a_call_with_MixMonitor_links_the_file_Asterisk_named_to_the_agents_call()
    {
        var run = ScenarioRun.Play(Folder + "15-call-recording.ami");

        OnlyLines(run, "101");
        var call = run.OnlyCallOn("101");
        Finished(call, new CallKey("1795891395.0", "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
        const string file = "/var/tmp/refpbx22-run/spool/monitor/wave2-call-101.wav";
        Assert.Equal(
            [new CallRecordingChanged(call.Key, true, file), new CallRecordingChanged(call.Key, false, file)],
            run.Facts.OfType<CallRecordingChanged>());
        Assert.Equal(file, call.RecordingFile);
        Assert.False(call.Recording);
        Assert.Equal(
            [CallChangeKind.Started, CallChangeKind.Answered, CallChangeKind.InfoChanged, CallChangeKind.InfoChanged, CallChangeKind.Finished],
            Changes(run, call.Key));
    }

    [Fact]
    public void A_conference_keeps_the_agents_call_and_gives_the_originated_member_a_call_to_the_conference()
    {
        var run = ScenarioRun.Play(Folder + "16-conference.ami");

        // Both parties are redirected into ConfBridge 850: 101's call goes on (no transfer), its hangup ends it.
        // 102, originated into the conference, has a call of its own to 850, connected once it joins.
        OnlyLines(run, "101", "102");
        Finished(run.OnlyCallOn("101"), new CallKey("1795891412.2", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
        Finished(run.OnlyCallOn("102"), new CallKey("1795891417.6", "102"), CallDirection.Internal, "102", "850",
            CallEndReason.Completed);
        Assert.DoesNotContain(run.Facts, f => f is CallPartyChanged);
    }

    [Fact]
    public void Every_agent_in_the_conference_sees_its_three_members_though_the_originated_one_has_its_own_Linkedid()
    {
        var run = ScenarioRun.Play(Folder + "16-conference.ami");

        var agent = run.OnlyCallOn("101").Key;
        var called = run.OnlyCallOn("102").Key;
        var three = new[] { Caller, "101", "102" };
        var seenBy101 = Conferences(run, agent);
        var seenBy102 = Conferences(run, called);
        Assert.Contains(seenBy101, c => c.Members.Select(m => m.Number).Order().SequenceEqual(three.Order()));
        Assert.Contains(seenBy102, c => c.Members.Select(m => m.Number).Order().SequenceEqual(three.Order()));
        var conference = seenBy102.First(c => c.Members.Count == 3);
        Assert.Equal("850", conference.Name);
        Assert.Equal("f853f3a3-31ee-4912-b7c3-d88da2b9dca2", conference.Id);
        Assert.Equal(new ConferenceMember("102", null, "102"), conference.Members.Single(m => m.Line == "102"));
        Assert.Null(conference.Members.Single(m => m.Number == Caller).Line);

        // 101 leaves first: 102 is left with the caller, and then alone.
        Assert.Equal(2, seenBy102.First(c => c.Members.All(m => m.Line != "101") && c.Members.Count == 2).Members.Count);
        Assert.All(run.Calls, c => Assert.Null(c.Conference));
    }

    /// <summary>The conferences a call showed, in order, each time it changed.</summary>
    private static List<CallConference> Conferences(ScenarioRun run, CallKey key) =>
        [.. run.Events.OfType<CallChanged>().Where(c => c.Call.Key == key).Select(c => c.Call.Conference).OfType<CallConference>().Distinct()];

    [Fact]
    public void Whisper_dialled_on_the_phone_and_barge_by_Originate_are_both_listening_calls_of_the_supervisor()
    {
        var run = ScenarioRun.Play(Folder + "17-whisper-barge.ami");

        OnlyLines(run, "101", "103");
        Finished(run.OnlyCallOn("101"), new CallKey("1795891436.7", "101"), CallDirection.Incoming, Caller, "101",
            CallEndReason.Completed);
        var supervisor = run.CallsOn("103");
        Assert.Equal(2, supervisor.Count);
        Finished(supervisor[0], new CallKey("1795891439.9", "103"), CallDirection.Internal, "103", "101", CallEndReason.Completed,
            conversation: "1795891436.7");
        Finished(supervisor[1], new CallKey("1795891445.10", "103"), CallDirection.Internal, "103", "101", CallEndReason.Completed,
            conversation: "1795891436.7");
        Assert.All(supervisor, call => Assert.True(call.IsListening));
    }

    [Fact]
    public void The_agent_sees_the_supervisor_whisper_then_barge_and_nothing_once_each_spy_call_ends()
    {
        var run = ScenarioRun.Play(Folder + "17-whisper-barge.ami");

        var supervisor = run.CallsOn("103");
        Assert.Equal([SupervisionMode.Whisper, SupervisionMode.Barge], supervisor.Select(c => c.SupervisionMode));
        var agentCall = run.OnlyCallOn("101");
        Assert.All(supervisor, c => Assert.Equal(agentCall.Key, c.SupervisedCall));
        Assert.Equal(
            [null, new CallSupervision(SupervisionMode.Whisper, "103"), null, new CallSupervision(SupervisionMode.Barge, "103"), null],
            SupervisionSeen(run, agentCall.Key));
    }

    [Fact]
    public void Without_the_ChanSpy_options_the_dialled_feature_code_tells_whisper_and_barge()
    {
        // A dialplan may reach ChanSpy through a Gosub whose steps the mapper does not see: the code is what is left.
        var options = new Switchboard.Connectors.Asterisk.Mapping.AmiMappingOptions { WhisperCode = "*22", BargeCode = "*23" };
        var run = ScenarioRun.Prepare(Folder + "17-whisper-barge.ami", options);
        foreach (var frame in run.Frames.Where(f => !IsChanSpyStep(f)))
        {
            run.Feed(frame);
        }

        Assert.Equal([SupervisionMode.Whisper, SupervisionMode.Barge], run.CallsOn("103").Select(c => c.SupervisionMode));
    }

    [Fact]
    public void A_spy_with_neither_options_nor_a_known_code_is_shown_as_listening()
    {
        var options = new Switchboard.Connectors.Asterisk.Mapping.AmiMappingOptions { WhisperCode = "", BargeCode = "" };
        var run = ScenarioRun.Prepare(Folder + "17-whisper-barge.ami", options);
        foreach (var frame in run.Frames.Where(f => !IsChanSpyStep(f)))
        {
            run.Feed(frame);
        }

        Assert.All(run.CallsOn("103"), c => Assert.Equal(SupervisionMode.Listen, c.SupervisionMode));
        Assert.Contains(new CallSupervision(SupervisionMode.Listen, "103"), SupervisionSeen(run, run.OnlyCallOn("101").Key));
    }

    private static bool IsChanSpyStep(Switchboard.Connectors.Asterisk.Ami.AmiMessage frame) =>
        frame.EventName == "Newexten" && frame["Application"] == "ChanSpy";

    /// <summary>The agent's call's supervision each time it changed, starting from none.</summary>
    private static List<CallSupervision?> SupervisionSeen(ScenarioRun run, CallKey key)
    {
        var seen = new List<CallSupervision?> { null };
        foreach (var call in run.Events.OfType<CallChanged>().Select(c => c.Call).Where(c => c.Key == key))
        {
            if (seen[^1] != call.Supervision)
            {
                seen.Add(call.Supervision);
            }
        }

        return seen;
    }

    [Fact]
    public void Queue_calls_ring_each_member_as_a_call_of_its_own_and_the_member_that_did_not_answer_missed_it()
    {
        var run = ScenarioRun.Play(Folder + "18-queue-wrapup.ami");

        // Call 1 rings 101 and 102 (ringall), 102 answers; call 2 (102 in wrap-up) rings only 101, which answers.
        OnlyLines(run, "101", "102");
        var on101 = run.CallsOn("101");
        Assert.Equal(2, on101.Count);
        Finished(on101[0], new CallKey("1795891464.11", "101"), CallDirection.Incoming, Caller, "600", CallEndReason.Missed,
            answered: false);
        Finished(on101[1], new CallKey("1795891472.14", "101"), CallDirection.Incoming, SecondCaller, "600", CallEndReason.Completed);
        Finished(run.OnlyCallOn("102"), new CallKey("1795891464.11", "102"), CallDirection.Incoming, Caller, "600",
            CallEndReason.Completed);
        Assert.True(run.Tracker.Snapshot("101").CallCentreMode);
        Assert.True(run.Tracker.Snapshot("102").CallCentreMode);
    }

    [Fact]
    public void After_a_queue_call_the_member_that_answered_is_in_the_queues_wrap_up_from_AgentComplete()
    {
        var options = new AmiMappingOptions();
        options.QueueWrapUp["support"] = 10;
        var run = ScenarioRun.Play(Folder + "18-queue-wrapup.ami", options);

        // AgentComplete for 102 (call 1), then for 101 (call 2): each the queue's 10 s; 101's missed ring gives none.
        Assert.Equal(
            [new WrapUpReported("102", TimeSpan.FromSeconds(10)), new WrapUpReported("101", TimeSpan.FromSeconds(10))],
            run.Facts.OfType<WrapUpReported>());
        var on102 = run.Events.OfType<AgentStatusChanged>().Where(e => e.LineNumber == "102").Select(e => e.Status.State);
        Assert.Equal([AgentState.Busy, AgentState.WrapUp], on102);
        Assert.Equal(AgentState.WrapUp, run.Tracker.Snapshot("101").AgentStatus.State);
    }

    [Fact]
    public void Without_the_queues_wrap_up_time_nothing_is_reported_as_wrap_up()
    {
        var run = ScenarioRun.Play(Folder + "18-queue-wrapup.ami");

        Assert.DoesNotContain(run.Facts, f => f is WrapUpReported);
        Assert.Equal(AgentState.Available, run.Tracker.Snapshot("102").AgentStatus.State);
    }

    [Fact]
    public void Pause_with_a_reason_is_away_and_presence_dnd_is_do_not_disturb_until_each_is_lifted()
    {
        var run = ScenarioRun.Play(Folder + "19-pause-presence.ami");

        var states = run.Facts.OfType<AgentStatusReported>().Where(f => f.Line == "101").Select(f => f.Status).Distinct().ToList();
        Assert.Equal(
            [
                new AgentStatus(AgentState.Away, "Lunch break"),
                AgentStatus.Available,
                new AgentStatus(AgentState.DoNotDisturb, "Do not disturb"),
            ],
            states.Take(3));
        Assert.Equal(AgentStatus.Available, run.Facts.OfType<AgentStatusReported>().Last().Status);
        Assert.Contains(run.Events, e => e is AgentStatusChanged { LineNumber: "101", Status.State: AgentState.Away });
        Assert.Equal(AgentStatus.Available, run.Tracker.Snapshot("101").AgentStatus);

        // While 101 was paused, the queue call rang only 102.
        OnlyLines(run, "102");
        Finished(run.OnlyCallOn("102"), new CallKey("1795891487.16", "102"), CallDirection.Incoming, Caller, "600",
            CallEndReason.Completed);
    }

    [Theory]
    [InlineData("20-pickup.ami", "1796694367.2")]
    [InlineData("20b-pickup-group.ami", "1796694380.5")]
    public void A_call_picked_up_by_a_colleague_is_the_colleagues_call_and_the_line_that_rang_missed_it(string recording, string caller)
    {
        var run = ScenarioRun.Play(Folder + recording);

        // 102 took the call ringing on 101 (directed **101, or the group's *8): 101 missed it, 102 talked.
        OnlyLines(run, "101", "102");
        Assert.Equal(2, run.Calls.Count);
        Finished(run.OnlyCallOn("101"), new CallKey(caller, "101"), CallDirection.Incoming, Caller, "101", CallEndReason.Missed,
            answered: false);
        Finished(run.OnlyCallOn("102"), new CallKey(caller, "102"), CallDirection.Incoming, Caller, "101", CallEndReason.Completed);
    }
}
