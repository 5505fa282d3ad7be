using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>The resync after a reconnect: the CoreShowChannel list becomes ActiveCallsReported and the truth of the channel table.</summary>
public sealed class ResyncTests
{
    [Fact]
    public void A_resync_in_the_middle_of_a_call_reports_it_answered_with_the_key_it_already_had()
    {
        var run = ScenarioRun.Prepare("11-housekeeping.ami");
        var report = PlayUntilFirstList(run, out var list);

        var appeared = Assert.Single(report.Calls);
        Assert.Equal(new CallKey("1795479751.26", "101"), appeared.Key);
        Assert.Equal("1795479751.26", appeared.ConversationId);
        Assert.Equal(CallDirection.Incoming, appeared.Direction);
        Assert.Equal(CallAssert.Caller, appeared.CallerNumber);
        Assert.True(appeared.AlreadyAnswered);
        Assert.False(appeared.AlreadyHeld);
        Assert.Equal(TimeSpan.FromSeconds(2), appeared.Age);

        // The tracker keeps the call as it was; nothing ends, nothing starts.
        var events = run.Tracker.Apply(report);
        Assert.DoesNotContain(events, e => e is CallChanged);
        Assert.Single(run.Tracker.ActiveCalls());
        Assert.Equal(2, list.Count);
    }

    [Theory]
    [InlineData("11-housekeeping.ami", "1795479751.26")]
    [InlineData("asterisk22-pjsip/11-housekeeping.ami", "1795483182.46")]
    public void A_mapper_that_saw_nothing_before_takes_the_call_up_from_the_list_with_the_same_key(string recording, string linkedid)
    {
        var run = ScenarioRun.Prepare(recording);
        PlayUntilFirstList(run, out var list);
        var fresh = new AmiCallMapper();

        var report = fresh.Resync(list);

        var appeared = Assert.Single(report.Calls);
        Assert.Equal(new CallKey(linkedid, "101"), appeared.Key);
        Assert.Equal(CallDirection.Incoming, appeared.Direction);
        Assert.Equal(CallAssert.Caller, appeared.CallerNumber);
        Assert.Equal("101", appeared.CalleeNumber);
        Assert.True(appeared.AlreadyAnswered);
        Assert.True(fresh.TryGetChannels(appeared.Key, out var channels));
        Assert.Equal("101", fresh.Lines.LineOf(channels.LineChannel));
        Assert.NotNull(channels.FarChannel);
    }

    [Fact]
    public void A_resync_at_the_peak_of_a_burst_lists_every_active_call_with_its_key()
    {
        var options = new AmiMappingOptions();
        options.KnownLines.Add("trunk");
        var run = ScenarioRun.Prepare("asterisk22-pjsip/13-burst.ami", options);
        var report = PlayUntilFirstList(run, out var list);

        Assert.Equal(50, list.Count);
        Assert.Equal(
            run.Tracker.ActiveCalls().Select(c => c.Key.ToString()).Order(StringComparer.Ordinal),
            report.Calls.Select(c => c.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(report.Calls, c => Assert.True(c.AlreadyAnswered));
    }

    [Fact]
    public void Channels_the_list_leaves_out_are_forgotten_so_their_later_events_are_skipped()
    {
        var run = ScenarioRun.Prepare("01-inbound-answered.ami");
        var frames = run.Frames.ToList();
        var answered = frames.FindIndex(f => f.EventName == "BridgeEnter");
        foreach (var frame in frames.Take(answered + 1))
        {
            run.Feed(frame);
        }

        var report = run.Mapper.Resync([]);
        run.Apply(report);
        var later = frames.Skip(answered + 1).SelectMany(run.Mapper.Map).ToList();

        Assert.Empty(report.Calls);
        Assert.Empty(run.Tracker.ActiveCalls());
        Assert.Empty(later);
        Assert.True(run.Mapper.Counters.Skipped > 0);
    }

    [Fact]
    public void A_held_call_is_reported_held()
    {
        var run = ScenarioRun.Prepare("08-hold-reinvite.ami");
        var frames = run.Frames.ToList();
        var held = frames.FindIndex(f => f.EventName == "Hold");
        foreach (var frame in frames.Take(held + 1))
        {
            run.Feed(frame);
        }

        var list = new[]
        {
            Item("SIP/101-00000011", "1795479673.17", "1795479673.16", "AppDial", "(Outgoing Line)", "b1"),
            Item("SIP/trunk-00000010", "1795479673.16", "1795479673.16", "Dial", "SIP/101,15,tT", "b1"),
        };
        var report = run.Mapper.Resync(list);

        var appeared = Assert.Single(report.Calls);
        Assert.True(appeared.AlreadyAnswered);
        Assert.True(appeared.AlreadyHeld);
    }

    [Fact]
    public void A_listening_supervisor_is_taken_up_as_listening()
    {
        var list = new[]
        {
            Item("PJSIP/101-00000030", "1795480035.53", "1795480035.52", "AppDial", "(Outgoing Line)", "b1"),
            Item("PJSIP/trunk-0000002f", "1795480035.52", "1795480035.52", "Dial", "PJSIP/101,15,tT", "b1"),
            Item("PJSIP/103-00000031", "1795480037.54", "1795480037.54", "ChanSpy", "PJSIP/101,qs", ""),
        };

        var report = new AmiCallMapper().Resync(list);

        var listening = Assert.Single(report.Calls, c => c.Key.Line == "103");
        Assert.True(listening.IsListening);
        Assert.Equal("101", listening.CalleeNumber);
        Assert.Equal("1795480035.52", listening.ConversationId);
    }

    private static ActiveCallsReported PlayUntilFirstList(ScenarioRun run, out List<AmiMessage> list)
    {
        list = [];
        foreach (var frame in run.Frames)
        {
            run.Feed(frame);
            if (frame.EventName == "CoreShowChannel")
            {
                list.Add(frame);
            }
            else if (frame.EventName == "CoreShowChannelsComplete")
            {
                return run.Mapper.Resync(list);
            }
        }

        throw new InvalidOperationException("The recording has no CoreShowChannels list.");
    }

    [Fact]
    public void A_queue_status_list_reports_members_with_their_pauses_names_static_ones_and_takes_out_lines_no_longer_listed()
    {
        var mapper = new AmiCallMapper();
        var first = mapper.ResyncQueues([Member("PJSIP/101", "dynamic", paused: true, "Lunch"), Member("PJSIP/102", "static", paused: false, "")]);

        Assert.Equal(
            [
                new CallCentreModeReported("101", true), new CallCentreModeReported("102", true),
                new AgentStatusReported("101", new AgentStatus(AgentState.Away, "Lunch")), new AgentStatusReported("102", AgentStatus.Available),
            ],
            first.Facts);
        Assert.Equal([new QueueMembership("support", "102")], first.StaticMembers);

        var second = mapper.ResyncQueues([Member("PJSIP/102", "static", paused: false, "")]);
        Assert.Contains(new CallCentreModeReported("101", false), second.Facts);
        Assert.Contains(new AgentStatusReported("101", AgentStatus.Available), second.Facts);
        Assert.DoesNotContain(new CallCentreModeReported("102", false), second.Facts);
    }

    private static AmiMessage Member(string device, string membership, bool paused, string reason) =>
        AmiMessage.Parse(string.Join(
            "\r\n",
            "Event: QueueMember",
            "Queue: support",
            $"Location: {device}",
            $"StateInterface: {device}",
            $"Membership: {membership}",
            $"Paused: {(paused ? 1 : 0)}",
            $"PausedReason: {reason}",
            "ActionID: queues-1"));

    private static AmiMessage Item(string channel, string uniqueid, string linkedid, string application, string data, string bridge) =>
        AmiMessage.Parse(string.Join(
            "\r\n",
            "Event: CoreShowChannel",
            "ActionID: resync-1",
            $"Channel: {channel}",
            "ChannelState: 6",
            "ChannelStateDesc: Up",
            $"CallerIDNum: {(channel.Contains("trunk", StringComparison.Ordinal) ? CallAssert.Caller : channel[(channel.IndexOf('/') + 1)..channel.IndexOf('-')])}",
            $"ConnectedLineNum: {(channel.Contains("trunk", StringComparison.Ordinal) ? "101" : CallAssert.Caller)}",
            $"Context: {(channel.Contains("trunk", StringComparison.Ordinal) ? "from-trunk" : "from-internal")}",
            $"Exten: {(channel.Contains("trunk", StringComparison.Ordinal) ? "101" : "")}",
            $"Uniqueid: {uniqueid}",
            $"Linkedid: {linkedid}",
            $"Application: {application}",
            $"ApplicationData: {data}",
            $"BridgeId: {bridge}"));
}
