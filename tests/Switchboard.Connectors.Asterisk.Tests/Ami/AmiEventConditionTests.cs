using System.Buffers;
using System.Text;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>An event filter that narrows an event by the value of one key, decided by the frame reader while it scans.</summary>
public sealed class AmiEventConditionTests
{
    private static readonly AmiEventFilter Transfers = new(
        ["Newchannel"],
        [new AmiEventCondition("VarSet", "Variable", ["ATTENDEDTRANSFER", "TRANSFERERNAME"])]);

    // VarSet frames as Asterisk writes them (manager_channels.c), and the edge cases of the condition.
    private static readonly string[] Frames =
    [
        "Event: VarSet\r\nPrivilege: dialplan,all\r\nChannel: Local/102@from-internal-00000001;1\r\nVariable: ATTENDEDTRANSFER\r\nValue: PJSIP/101-00000001\r\nUniqueid: 1.5\r\n\r\n",
        "Event: VarSet\r\nPrivilege: dialplan,all\r\nChannel: PJSIP/101-00000001\r\nVariable: BRIDGEPEER\r\nValue: PJSIP/102-00000002\r\nUniqueid: 1.1\r\n\r\n",
        "event: varset\r\nvariable: transferername\r\nvalue: PJSIP/101-00000001\r\n\r\n",
        "Event: VarSet\r\nVariable: ATTENDEDTRANSFERS\r\n\r\n",
        "Event: VarSet\r\nVariable: ATTENDEDTRANSFE\r\n\r\n",
        "Event: VarSet\r\nValue: ATTENDEDTRANSFER\r\n\r\n",
        "Event: VarSet\r\nVariable: DIALSTATUS\r\nVariable: ATTENDEDTRANSFER\r\n\r\n",
        "Event: VarSet\nVariable:TRANSFERERNAME\n\n",
        "Event: Newchannel\r\nChannel: PJSIP/101-00000001\r\n\r\n",
        "Event: Cdr\r\nVariable: ATTENDEDTRANSFER\r\n\r\n",
        "Response: Success\r\nActionID: 1\r\nVariable: BRIDGEPEER\r\n\r\n",
    ];

    private static readonly bool[] Wanted = [true, false, true, false, false, false, false, true, true, false, false];

    [Fact]
    public void The_reader_passes_VarSet_only_for_the_listed_variables_whatever_their_case()
    {
        var reader = new AmiFrameReader(Transfers);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(string.Concat(Frames)));
        var wanted = new List<bool>();
        while (reader.TryReadFrame(ref buffer))
        {
            wanted.Add(reader.EventWanted);
        }

        Assert.Equal(Wanted, wanted);
    }

    [Fact]
    public void ReadAll_keeps_the_wanted_events_and_every_response_as_the_filter_decides_on_each_message()
    {
        var stream = Encoding.ASCII.GetBytes("Asterisk Call Manager/9.0.0\r\n" + string.Concat(Frames));

        var filtered = AmiFrameReader.ReadAll(stream, Transfers);

        var expected = AmiFrameReader.ReadAll(stream).Where(Transfers.Matches).Select(m => m.ToString()).ToList();
        Assert.Equal(expected, filtered.Select(m => m.ToString()));
        Assert.Equal(
            ["ATTENDEDTRANSFER", "transferername", "TRANSFERERNAME", null, "BRIDGEPEER"],
            filtered.Select(m => m["Variable"]));
    }

    [Fact]
    public void By_name_alone_an_event_with_a_condition_matches_and_unlisted_events_do_not()
    {
        Assert.True(Transfers.Matches("varset"));
        Assert.True(Transfers.Matches("VarSet"u8));
        Assert.True(Transfers.Matches("Newchannel"u8));
        Assert.False(Transfers.Matches("Cdr"u8));
        Assert.Contains("VarSet", Transfers.EventNames!);
        var condition = Assert.Single(Transfers.Conditions);
        Assert.Equal("Variable", condition.Key);
        Assert.Equal("Newchannel,VarSet when Variable is ATTENDEDTRANSFER|TRANSFERERNAME", Transfers.ToString());
    }

    [Fact]
    public void A_frame_whose_Event_line_is_not_first_passes_whatever_its_key_holds()
    {
        // The key may have gone by before the event was known: the reader lets the frame through rather than guess.
        var reader = new AmiFrameReader(Transfers);
        var buffer = new ReadOnlySequence<byte>("Variable: BRIDGEPEER\r\nEvent: VarSet\r\n\r\n"u8.ToArray());

        Assert.True(reader.TryReadFrame(ref buffer));
        Assert.True(reader.EventWanted);
    }

    [Fact]
    public void A_reader_without_a_filter_wants_every_event_and_no_response()
    {
        var reader = new AmiFrameReader();
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(string.Concat(Frames)));
        var wanted = new List<bool>();
        while (reader.TryReadFrame(ref buffer))
        {
            wanted.Add(reader.EventWanted);
        }

        Assert.Equal([.. Enumerable.Repeat(true, Frames.Length - 1), false], wanted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    public void The_condition_holds_when_its_line_arrives_split_over_segments(int chunkSize)
    {
        var stream = Encoding.ASCII.GetBytes("Asterisk Call Manager/9.0.0\r\n" + string.Concat(Frames));

        var chunked = ChunkedFeed.Parse(stream, () => chunkSize, events: Transfers);

        var whole = AmiFrameReader.ReadAll(stream, Transfers).Select(m => $"{m.Kind}|{m}");
        Assert.Equal(whole, chunked);
    }

    [Fact]
    public void The_mappers_filter_on_the_burst_recording_in_random_chunks_keeps_what_it_keeps_in_one_buffer()
    {
        var bytes = AmiRecordings.Read("13-burst.ami");
        var random = new Random(7);

        var chunked = ChunkedFeed.Parse(bytes, () => random.Next(1, 3000), events: AmiCallMapper.EventFilter);

        Assert.Equal(AmiFrameReader.ReadAll(bytes, AmiCallMapper.EventFilter).Select(m => $"{m.Kind}|{m}"), chunked);
    }

    [Fact]
    public void Deciding_on_a_condition_allocates_nothing()
    {
        // Many frames, in one buffer and in segments of 61 bytes (lines cross segments), read twice: the first
        // pass warms the reader's scratch buffers; the second must not allocate at all.
        var frames = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(string.Concat(Frames), 200)));
        var whole = new ReadOnlySequence<byte>(frames);
        var segmented = Segments(frames, 61);
        var reader = new AmiFrameReader(Transfers);
        var condition = Transfers.Conditions.Single();
        var results = new long[4];

        for (var pass = 0; pass < 2; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            results[0] = CountWanted(reader, whole);
            results[1] = CountWanted(reader, segmented);
            results[2] = condition.Accepts("transferername"u8) && !condition.Accepts("BRIDGEPEER"u8) ? 1 : 0;
            results[3] = Transfers.Matches("VarSet"u8) && !Transfers.Matches("RTCPSent"u8) ? 1 : 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (pass == 1)
            {
                Assert.Equal(0, allocated);
            }
        }

        var perCopy = Wanted.Count(w => w);
        Assert.Equal([perCopy * 200L, perCopy * 200L, 1, 1], results);
    }

    [Fact]
    public void Conditions_on_one_event_and_key_add_up_and_conditions_on_two_keys_are_refused()
    {
        var merged = new AmiEventFilter(
            [],
            [new AmiEventCondition("VarSet", "Variable", ["A"]), new AmiEventCondition("varset", "variable", ["B", "a"])]);

        Assert.Equal(["A", "B"], Assert.Single(merged.Conditions).Values);
        Assert.Throws<ArgumentException>(() => new AmiEventFilter(
            [],
            [new AmiEventCondition("VarSet", "Variable", ["A"]), new AmiEventCondition("VarSet", "Value", ["B"])]));
    }

    [Theory]
    [InlineData("VarSet", "Variable", "TRANSFERERNAMÉ")]
    [InlineData("VarSet", "", "A")]
    [InlineData("", "Variable", "A")]
    public void A_condition_is_ASCII_and_not_empty(string eventName, string key, string value) =>
        Assert.Throws<ArgumentException>(() => new AmiEventCondition(eventName, key, [value]));

    [Fact]
    public void A_condition_needs_a_value() =>
        Assert.Throws<ArgumentException>(() => new AmiEventCondition("VarSet", "Variable", []));

    private static long CountWanted(AmiFrameReader reader, ReadOnlySequence<byte> buffer)
    {
        long wanted = 0;
        while (reader.TryReadFrame(ref buffer))
        {
            wanted += reader.EventWanted ? 1 : 0;
        }

        return wanted;
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            last = new Segment(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), last);
            first ??= last;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
