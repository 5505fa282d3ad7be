using System.Text;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

public sealed class AmiConnectionStreamTests
{
    private static readonly TimeSpan Step = AmiTestTimeouts.Step;

    [Fact]
    public async Task Garbage_a_1MB_frame_and_a_truncated_frame_are_skipped_and_later_frames_still_arrive()
    {
        await using var server = new FakeAmiServer();
        await using var connection = await AmiConnectionActionTests.ConnectAsync(server);
        var session = await server.WaitForLoginAsync(Step);
        var garbage = new byte[8192];
        new Random(11).NextBytes(garbage);
        var huge = "Event: Huge\r\n" + string.Concat(Enumerable.Repeat("Data: " + new string('x', 1018) + "\r\n", 1024)) + "\r\n";

        await session.SendAsync("Event: A\r\nPrivilege: call,all\r\n\r\n");
        await session.SendAsync((byte[])[.. garbage, .. "\r\n\r\n"u8]);
        await session.SendAsync("Event: B\r\n\r\n");
        await session.SendAsync(Encoding.UTF8.GetBytes(huge), chunkSize: 8192);
        await session.SendAsync("Event: C\r\n\r\nEvent: Truncated\r\nChannel: SIP/101-00");
        Assert.Equal(["A", "B", "C"], await ReadEventNamesAsync(connection, 3));
        session.Close();
        var next = await server.WaitForLoginAsync(Step);
        await next.SendAsync("Event: D\r\n\r\n");

        Assert.Equal(["D"], await ReadEventNamesAsync(connection, 1));
        Assert.Equal(1, connection.OversizedFrames);
        Assert.Equal(1, connection.MalformedFrames);
        Assert.Equal(AmiConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task Unknown_events_pass_without_a_filter_and_unwanted_events_are_skipped_with_one()
    {
        await using var server = new FakeAmiServer();
        await using var all = await AmiConnectionActionTests.ConnectAsync(server);
        await using var filtered = await AmiConnectionActionTests.ConnectAsync(server, server.ClientOptions() with { Events = ["Newchannel", "Hangup"] });
        var sessions = new[] { await server.WaitForLoginAsync(Step), await server.WaitForLoginAsync(Step) };

        foreach (var session in sessions)
        {
            await session.SendAsync("Event: NoSuchEventYet\r\nFoo: bar\r\n\r\nEvent: VarSet\r\nVariable: A\r\n\r\nEvent: Newchannel\r\n\r\nEvent: hangup\r\n\r\n");
        }

        Assert.Equal(["NoSuchEventYet", "VarSet", "Newchannel", "hangup"], await ReadEventNamesAsync(all, 4));
        Assert.Equal(["Newchannel", "hangup"], await ReadEventNamesAsync(filtered, 2));
    }

    [Theory]
    [InlineData("01-inbound-answered.ami", 7)]
    [InlineData("asterisk22-pjsip/06b-hold-park.ami", 1)]
    [InlineData("asterisk22-features/18-queue-wrapup.ami", 4096)]
    public async Task A_recording_replayed_over_TCP_gives_the_events_of_the_file_in_order(string name, int chunkSize)
    {
        var expected = AmiFrameReader.ReadAll(AmiRecordings.Read(name))
            .Where(m => m.Kind == AmiMessageKind.Event)
            .Select(m => m.ToString())
            .ToList();
        await using var server = new FakeAmiServer { ReplayPath = AmiRecordings.PathOf(name), ReplayChunkSize = chunkSize };
        await using var connection = await AmiConnectionActionTests.ConnectAsync(server);

        var received = new List<string>();
        using var timeout = new CancellationTokenSource(Step);
        while (received.Count < expected.Count)
        {
            received.Add((await connection.Events.ReadAsync(timeout.Token)).ToString());
        }

        Assert.Equal(expected, received);
        Assert.Equal(AmiRecordings.SplitAtLogin(AmiRecordings.Read(name)).Banner, connection.Banner);
    }

    [Fact]
    public async Task The_burst_recording_replayed_with_a_filter_gives_exactly_the_wanted_events()
    {
        await using var server = new FakeAmiServer { ReplayPath = AmiRecordings.PathOf("13-burst.ami"), ReplayChunkSize = 1500 };
        await using var connection = await AmiConnectionActionTests.ConnectAsync(server, server.ClientOptions() with { Events = ["Newchannel", "Hangup", "Cdr"] });
        var session = await server.WaitForLoginAsync(Step);
        await session.ReplayCompleted.WaitAsync(Step);
        await session.SendAsync("Event: EndOfTest\r\n\r\n");
        await connection.SendActionAsync(new AmiAction("Ping")).WaitAsync(Step);

        var counts = new Dictionary<string, int>();
        while (connection.Events.TryRead(out var message))
        {
            counts[message.EventName!] = counts.GetValueOrDefault(message.EventName!) + 1;
        }

        Assert.Equal(new Dictionary<string, int> { ["Newchannel"] = 240, ["Hangup"] = 240, ["Cdr"] = 120 }, counts);
    }

    [Fact]
    public async Task The_raw_observer_sees_the_exact_text_of_each_frame_made_into_a_message()
    {
        await using var server = new FakeAmiServer();
        await using var connection = await AmiConnectionActionTests.ConnectAsync(server, server.ClientOptions() with { Events = ["Hangup"] });
        var raw = new System.Collections.Concurrent.ConcurrentQueue<string>();
        connection.RawFrameObserver = raw.Enqueue;
        var session = await server.WaitForLoginAsync(Step);

        await session.SendAsync("Event: VarSet\r\n\r\nEvent: Hangup\nCause: 16\r\n\r\n");
        await connection.Events.ReadAsync().AsTask().WaitAsync(Step);

        Assert.Equal(["Event: Hangup\nCause: 16\r\n\r\n"], raw);
    }

    private static async Task<List<string>> ReadEventNamesAsync(AmiConnection connection, int count)
    {
        var names = new List<string>();
        using var timeout = new CancellationTokenSource(Step);
        while (names.Count < count)
        {
            names.Add((await connection.Events.ReadAsync(timeout.Token)).EventName!);
        }

        return names;
    }
}
