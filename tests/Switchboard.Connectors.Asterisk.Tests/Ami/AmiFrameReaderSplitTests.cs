using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>
/// However the bytes are cut into reads, the reader finds the same messages: every recording, cut at random
/// places with many seeds, and cut into single bytes.
/// </summary>
public sealed class AmiFrameReaderSplitTests
{
    private const int SingleByteLimit = 500_000;

    public static TheoryData<string> Recordings => AmiRecordings.Theory();

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Random_splits_of_a_recording_give_the_same_messages_as_the_whole(string name)
    {
        var bytes = AmiRecordings.Read(name);
        var whole = Whole(bytes);
        var seeds = bytes.Length > 1_000_000 ? 3 : 25;

        for (var seed = 1; seed <= seeds; seed++)
        {
            var random = new Random(seed);
            var largest = seed % 5 switch
            {
                0 => 3,
                1 => 17,
                2 => 200,
                3 => 4096,
                _ => 70_000,
            };

            var split = ChunkedFeed.Parse(bytes, () => random.Next(1, largest + 1));

            Assert.True(whole.SequenceEqual(split), $"seed {seed} (chunks up to {largest} bytes) gave {split.Count} messages, the whole gave {whole.Count}");
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void One_byte_reads_of_a_recording_give_the_same_messages_as_the_whole(string name)
    {
        var bytes = AmiRecordings.Read(name);
        if (bytes.Length > SingleByteLimit)
        {
            // The 4.8 MB burst: covered by the random splits; a byte at a time would only take long.
            return;
        }

        var split = ChunkedFeed.Parse(bytes, () => 1);

        Assert.Equal(Whole(bytes), split);
    }

    [Fact]
    public void Random_splits_of_made_up_edge_cases_give_the_same_messages_as_the_whole()
    {
        var text = "Asterisk Call Manager/9.0.0\r\n"
            + "Response: Success\r\nActionID: park-2\r\nMessage: Park successful\n\r\n\r\n"
            + "Event: A\nKey: a:b:c\n\n"
            + "Response: Follows\r\nPrivilege: Command\r\nActionID: c-1\r\nout 1\n\nout: 2\n--END COMMAND--\r\n\r\n"
            + "Event: Broken\r\nno colon here\r\n\r\n"
            + "Event: Big\r\n" + string.Concat(Enumerable.Repeat("Filler: " + new string('f', 100) + "\r\n", 20)) + "\r\n"
            + "\r\n\r\nEvent: Last\r\nValue: x\n continued\r\n\r\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var whole = ChunkedFeed.Parse(bytes, () => bytes.Length, maxFrameBytes: 1024);
        Assert.Equal(4, whole.Count(m => m != "malformed"));
        Assert.Single(whole, m => m == "malformed");

        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            Assert.Equal(whole, ChunkedFeed.Parse(bytes, () => random.Next(1, 40), maxFrameBytes: 1024));
        }
    }

    private static List<string> Whole(byte[] bytes) => ChunkedFeed.Parse(bytes, () => bytes.Length);
}
