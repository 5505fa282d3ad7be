using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>The mapper never throws on odd input, counts what it skips, and gives the same facts for the same frames.</summary>
public sealed class MapperRobustnessTests
{
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var recording in RecordedFrames.All())
        {
            data.Add(recording);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_event_of_every_recording_is_applied_or_knowingly_ignored(string recording)
    {
        var run = ScenarioRun.Play(recording);

        Assert.Equal(0, run.Mapper.Counters.Skipped);
        Assert.Equal(run.Frames.Count, run.Mapper.Counters.Events);
        Assert.Empty(run.Tracker.ActiveCalls());

        // Every recording ends with every channel gone: nothing is kept for them.
        Assert.Equal((0, 0, 0), run.Mapper.Footprint);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void The_same_frames_fed_twice_after_a_reset_give_the_same_facts(string recording)
    {
        var frames = RecordedFrames.Load(recording);
        var mapper = new AmiCallMapper();

        var first = frames.SelectMany(mapper.Map).ToList();
        var counters = mapper.Counters;
        mapper.Reset();
        var second = frames.SelectMany(mapper.Map).ToList();

        Assert.Equal(first, second);
        Assert.Equal(counters, mapper.Counters);
    }

    [Fact]
    public void A_frame_for_an_unknown_channel_gives_no_fact_and_is_counted_as_skipped()
    {
        var mapper = new AmiCallMapper();

        var facts = mapper.Map(AmiMessage.Parse(
            "Event: Hangup\r\nChannel: PJSIP/101-000000ff\r\nUniqueid: 1795000000.999\r\nLinkedid: 1795000000.999\r\nCause: 16\r\n"));

        Assert.Empty(facts);
        Assert.Equal(new AmiMappingCounters(1, 0, 0, 1), mapper.Counters);
    }

    [Theory]
    [InlineData("Event: DialBegin\r\nChannel: SIP/trunk-00000001\r\nUniqueid: 1.1\r\n")]
    [InlineData("Event: BridgeEnter\r\nUniqueid: 1.1\r\n")]
    [InlineData("Event: Newchannel\r\nChannel: SIP/101-00000001\r\n")]
    [InlineData("Event: DTMFEnd\r\nUniqueid: 1.1\r\n")]
    [InlineData("Event: ParkedCall\r\nParkingSpace: 701\r\n")]
    [InlineData("Event: AttendedTransfer\r\nResult: Success\r\n")]
    [InlineData("Event: QueueMemberPause\r\nQueue: support\r\nPaused: 1\r\n")]
    [InlineData("Event: ChanSpyStart\r\n")]
    [InlineData("Event: Hangup\r\n")]
    public void An_event_missing_its_keys_gives_no_fact(string frame)
    {
        var mapper = new AmiCallMapper();

        Assert.Empty(mapper.Map(AmiMessage.Parse(frame)));
    }

    [Fact]
    public void Responses_and_events_nobody_follows_are_ignored()
    {
        var mapper = new AmiCallMapper();

        Assert.Empty(mapper.Map(AmiMessage.Parse("Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n")));
        Assert.Empty(mapper.Map(AmiMessage.Parse("Event: FullyBooted\r\nStatus: Fully Booted\r\n")));
        Assert.Empty(mapper.Map(AmiMessage.Parse("Garbage without keys")));

        Assert.Equal(new AmiMappingCounters(3, 0, 3, 0), mapper.Counters);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Shuffled_frames_and_frames_with_missing_keys_never_make_the_mapper_throw(string recording)
    {
        var frames = RecordedFrames.Load(recording).Take(2000).ToList();
        var random = new Random(recording.Length);
        var mapper = new AmiCallMapper();
        var tracker = new Telephony.Tracking.CallTracker(TimeProvider.System, new(), ScenarioRun.AllCapabilities);

        foreach (var frame in frames.OrderBy(_ => random.Next()))
        {
            var damaged = new AmiMessage([.. frame.Fields.Where(_ => random.Next(8) != 0)]);
            foreach (var fact in mapper.Map(damaged).Concat(mapper.Map(frame)))
            {
                tracker.Apply(fact);
            }
        }

        Assert.Equal(2L * frames.Count, mapper.Counters.Events);
    }

    [Fact]
    public void The_mapper_follows_the_events_that_an_event_filter_must_let_through()
    {
        Assert.Contains("VarSet", AmiCallMapper.EventNames);
        Assert.Contains("Newexten", AmiCallMapper.EventNames);
        Assert.Contains("DialBegin", AmiCallMapper.EventNames);
        Assert.True(AmiCallMapper.Understands("Cdr"));
        Assert.False(AmiCallMapper.Understands("RTCPSent"));
    }

    [Fact]
    public void The_connector_finds_the_channels_of_a_call_as_they_change_under_a_park_hold()
    {
        var run = ScenarioRun.Prepare("08b-hold-park.ami");
        var key = new CallKey("1795479689.18", "101");
        var seen = new List<CallChannels?>();
        foreach (var frame in run.Frames)
        {
            run.Feed(frame);
            if (frame.EventName is "BridgeEnter" or "ParkedCall" or "Hangup" or "UnParkedCall")
            {
                seen.Add(run.Mapper.TryGetChannels(key, out var channels) ? channels : null);
            }
        }

        Assert.Contains(seen, c => c is { LineChannel: "SIP/101-00000013", FarChannel: "SIP/trunk-00000012", BridgeId: not null });
        Assert.Contains(seen, c => c is { LineChannel: null, FarChannel: "SIP/trunk-00000012", ParkingSpace: "701" });
        Assert.Contains(seen, c => c is { LineChannel: "SIP/101-00000014", FarChannel: "SIP/trunk-00000012", ParkingSpace: null });
        Assert.False(run.Mapper.TryGetChannels(key, out _));
    }

    [Fact]
    public void The_connector_finds_the_newest_channel_of_a_line()
    {
        var run = ScenarioRun.Prepare("14-chanspy-listen.ami");
        string? found = null;
        foreach (var frame in run.Frames)
        {
            run.Feed(frame);
            if (frame.EventName == "ChanSpyStart")
            {
                found = run.Mapper.FindLineChannel("101");
            }
        }

        Assert.Equal("SIP/101-00000030", found);
        Assert.Null(run.Mapper.FindLineChannel("101"));
    }

    [Fact]
    public void Facts_about_one_call_carry_its_key_from_start_to_end_even_when_its_channel_is_replaced()
    {
        var run = ScenarioRun.Play("asterisk22-pjsip/06b-hold-park.ami");

        var keys = run.Facts.Select(ScenarioRun.KeyOf).OfType<CallKey>().Distinct().ToList();
        Assert.Equal([new CallKey("1795482979.14", "101")], keys);
        Assert.Equal(["Appeared", "Answered", "Held", "Unheld", "Ended"], run.FactKinds(keys[0]));
    }
}
