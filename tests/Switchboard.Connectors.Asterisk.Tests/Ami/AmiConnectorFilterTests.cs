using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Connectors.Asterisk.Tests.Mapping;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>
/// The filter the connector reads AMI with (<see cref="AmiCallMapper.EventFilter"/>) takes nothing from the mapper:
/// fed what the filter lets through, it states the same facts as fed everything.
/// </summary>
public sealed class AmiConnectorFilterTests
{
    private static readonly TimeSpan Step = AmiTestTimeouts.Step;

    public static TheoryData<string> Recordings => AmiRecordings.Theory();

    [Theory]
    [MemberData(nameof(Recordings))]
    public void On_every_recording_the_connectors_filter_gives_the_mapper_the_same_facts_as_every_event(string name)
    {
        var bytes = AmiRecordings.Read(name);
        var everything = AmiFrameReader.ReadAll(bytes);
        var filtered = AmiFrameReader.ReadAll(bytes, AmiCallMapper.EventFilter);

        var (allFacts, allCounters) = MapAll(everything);
        var (filteredFacts, filteredCounters) = MapAll(filtered);

        Assert.Equal(allFacts, filteredFacts);
        Assert.Equal(allCounters.Used, filteredCounters.Used);
        Assert.Equal(allCounters.Skipped, filteredCounters.Skipped);
        Assert.DoesNotContain(filtered, m => m.EventName == "VarSet" && !AmiCallMapper.EventFilter.Matches(m));
    }

    [Fact]
    public void The_recordings_give_facts_and_the_filter_drops_most_of_the_burst()
    {
        // Guards the theory above from comparing empty lists, and shows what the condition saves.
        var facts = AmiRecordings.All.Sum(name => MapAll(AmiFrameReader.ReadAll(AmiRecordings.Read(name))).Facts.Count);
        Assert.True(facts > 100, $"{facts} facts over every recording");

        var burst = AmiRecordings.Read("13-burst.ami");
        var all = AmiFrameReader.ReadAll(burst);
        var filtered = AmiFrameReader.ReadAll(burst, AmiCallMapper.EventFilter);
        Assert.Equal(7560, all.Count(m => m.EventName == "VarSet"));
        Assert.DoesNotContain(filtered, m => m.EventName == "VarSet");
        Assert.Equal(all.Count - 7560 - all.Count(m => m.Kind == AmiMessageKind.Event && !AmiCallMapper.EventFilter.Matches(m.EventName!)), filtered.Count);
    }

    [Fact]
    public void An_attended_transfers_VarSet_passes_the_filter_and_the_mapper_states_the_same_facts()
    {
        // No recording holds an Atxfer; this stream is written as bridge_basic.c does it, with the VarSet noise of a real call.
        var script = new AmiScript();
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newexten(trunk, "101", "Dial", "PJSIP/101,15,tT").Newchannel(agent)
            .DialBegin(trunk, agent, "PJSIP/101").Answer(trunk, agent).Newstate(trunk, 6).Bridge("first", agent, trunk)
            .Event("VarSet", agent, ("Variable", "BRIDGEPEER"), ("Value", trunk.Name))
            .Event("VarSet", trunk, ("Variable", "BRIDGEPVTCALLID"), ("Value", "abc"));
        script.Event("Hold", agent).Event("MusicOnHoldStart", trunk, ("Class", "default"));
        var (one, two) = script.Local("102", "from-internal", agent);
        var target = script.Phone("102", agent);
        script.Newchannel(one).Newchannel(two)
            .Event("VarSet", one, ("Variable", "TRANSFERERNAME"), ("Value", agent.Name))
            .Event("VarSet", one, ("Variable", "ATTENDEDTRANSFER"), ("Value", agent.Name))
            .Event("VarSet", two, ("Variable", "DIALSTATUS"), ("Value", ""))
            .Bridge("consult", one)
            .Newexten(two, "102", "Dial", "PJSIP/102,15,tT").Newchannel(target).DialBegin(two, target, "PJSIP/102")
            .BridgeLeave(agent, "first").BridgeEnter(agent, "consult")
            .Answer(two, target).Newstate(two, 6).Newstate(one, 6).Bridge("dial", target, two)
            .HangupRequest(agent).BridgeLeave(agent, "consult").BridgeLeave(one, "consult").BridgeEnter(one, "first")
            .Event("MusicOnHoldStop", trunk)
            .Blocks(
                "AttendedTransfer",
                null,
                [("OrigTransferer", agent), ("SecondTransferer", agent), ("Transferee", trunk), ("TransferTarget", one)],
                ("Result", "Success"),
                ("DestType", "Bridge"),
                ("DestBridgeUniqueid", "first"))
            .Hangup(agent)
            .BridgeLeave(target, "dial").BridgeEnter(target, "first").BridgeLeave(one, "first").BridgeLeave(two, "dial")
            .Hangup(two).Hangup(one)
            .HangupRequest(trunk).BridgeLeave(trunk, "first").BridgeLeave(target, "first").Hangup(trunk).Hangup(target);
        var stream = Encoding.UTF8.GetBytes("Asterisk Call Manager/9.0.0\r\n" + string.Concat(script.Frames.Select(f => f + "\r\n")));

        var everything = AmiFrameReader.ReadAll(stream);
        var filtered = AmiFrameReader.ReadAll(stream, AmiCallMapper.EventFilter);

        Assert.Equal(["TRANSFERERNAME", "ATTENDEDTRANSFER"], filtered.Where(m => m.EventName == "VarSet").Select(m => m["Variable"]));
        var (allFacts, allCounters) = MapAll(everything);
        var (filteredFacts, filteredCounters) = MapAll(filtered);
        Assert.NotEmpty(allFacts);
        Assert.Equal(allFacts, filteredFacts);
        Assert.Equal(allCounters.Used, filteredCounters.Used);
        Assert.Equal(allCounters.Ignored - 3, filteredCounters.Ignored);
    }

    [Fact]
    public async Task The_connector_reads_AMI_with_the_mappers_filter()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Asterisk:Username"] = "switchboard", ["Asterisk:Secret"] = "s" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddAsteriskConnector(configuration);
        await using var provider = services.BuildServiceProvider();

        var connection = provider.GetRequiredService<AmiConnection>();

        Assert.Same(AmiCallMapper.EventFilter, connection.EventFilter);
    }

    [Fact]
    public async Task A_connection_with_an_event_filter_streams_only_the_VarSet_frames_its_condition_wants()
    {
        await using var server = new FakeAmiServer();
        await using var connection = await AmiConnectionActionTests.ConnectAsync(
            server, server.ClientOptions() with { EventFilter = AmiCallMapper.EventFilter });
        var session = await server.WaitForLoginAsync(Step);

        await session.SendAsync(
            "Event: VarSet\r\nVariable: BRIDGEPEER\r\nValue: x\r\n\r\n"
            + "Event: VarSet\r\nVariable: ATTENDEDTRANSFER\r\nValue: PJSIP/101-00000001\r\n\r\n"
            + "Event: Cdr\r\n\r\nEvent: VarSet\r\nVariable: RTPAUDIOQOS\r\n\r\nEvent: Hangup\r\nCause: 16\r\n\r\n");

        var received = new List<string?>();
        using var timeout = new CancellationTokenSource(Step);
        while (received.Count < 2)
        {
            var message = await connection.Events.ReadAsync(timeout.Token);
            received.Add(message.EventName + "/" + message["Variable"]);
        }

        Assert.Equal(["VarSet/ATTENDEDTRANSFER", "Hangup/"], received);
    }

    [Fact]
    public void Events_and_EventFilter_are_not_both_set()
    {
        var options = new AmiOptions { Username = "u", Events = ["Hangup"], EventFilter = AmiCallMapper.EventFilter };

        Assert.Throws<ArgumentException>(() => new AmiConnection(options));
    }

    private static (List<PbxFact> Facts, AmiMappingCounters Counters) MapAll(IEnumerable<AmiMessage> messages)
    {
        var mapper = new AmiCallMapper();
        var facts = new List<PbxFact>();
        foreach (var message in messages)
        {
            facts.AddRange(mapper.Map(message));
        }

        return (facts, mapper.Counters);
    }
}
