using Microsoft.Extensions.Time.Testing;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

public sealed class AmiConnectionLinkTests
{
    private static readonly TimeSpan Step = AmiTestTimeouts.Step;

    [Fact]
    public async Task A_dropped_link_fails_pending_actions_then_reconnects_and_reports_down_then_up()
    {
        await using var server = new FakeAmiServer();
        server.NeverAnswer("Status");
        await using var connection = await AmiConnectionActionTests.ConnectAsync(server);
        var first = await server.WaitForLoginAsync(Step);

        var pending = Enumerable.Range(0, 5).Select(_ => connection.SendActionAsync(new AmiAction("Status"))).ToList();
        await server.WaitForActionAsync("Status", Step, 5);
        first.Drop();

        foreach (var action in pending)
        {
            var lost = await Assert.ThrowsAsync<AmiConnectionLostException>(() => action.WaitAsync(Step));
            Assert.Contains("127.0.0.1", lost.Message, StringComparison.Ordinal);
        }

        var changes = await ReadChangesAsync(connection, 4);
        Assert.Equal(
            [(AmiConnectionState.Connecting, false), (AmiConnectionState.Open, true), (AmiConnectionState.Reconnecting, false), (AmiConnectionState.Open, true)],
            changes.Select(c => (c.State, c.IsUp)));
        Assert.NotNull(changes[2].Error);
        await server.WaitForLoginAsync(Step);
        Assert.Equal(2, server.ConnectionCount);
        Assert.Equal("Pong", (await connection.SendActionAsync(new AmiAction("Ping")).WaitAsync(Step))["Ping"]);
    }

    [Fact]
    public async Task A_server_closing_the_connection_is_a_lost_link_too()
    {
        await using var server = new FakeAmiServer();
        await using var connection = await AmiConnectionActionTests.ConnectAsync(server);

        (await server.WaitForLoginAsync(Step)).Close();

        var changes = await ReadChangesAsync(connection, 4);
        Assert.Equal(AmiConnectionState.Reconnecting, changes[2].State);
        Assert.Contains("closed", changes[2].Reason, StringComparison.Ordinal);
        Assert.Equal(AmiConnectionState.Open, changes[3].State);
    }

    [Fact]
    public async Task Reconnection_backs_off_exponentially_until_the_server_is_back()
    {
        using var logs = new CapturingLoggerProvider();
        var server = new FakeAmiServer();
        var port = server.Port;
        var options = server.ClientOptions() with
        {
            ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(80),
        };

        // A random source of 1.0 makes every delay its ceiling: 10, 20, 40, 80, 80 ms...
        await using var connection = new AmiConnection(options, logs.CreateLogger<AmiConnection>(), TimeProvider.System, () => 1.0);
        await connection.ConnectAsync().WaitAsync(Step);
        await server.DisposeAsync();

        using (var wait = new CancellationTokenSource(Step))
        {
            while (logs.Lines.Count(l => l.Contains("AMI connection attempt", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal)) < 5)
            {
                await Task.Delay(10, wait.Token);
            }
        }

        await using var back = new FakeAmiServer(port);
        var changes = await ReadChangesAsync(connection, 4);
        Assert.Equal(AmiConnectionState.Open, changes[3].State);
        var delays = logs.Lines.Where(l => l.Contains("reconnection attempt", StringComparison.Ordinal)).Take(5).ToList();
        Assert.Equal(
            ["attempt 1 in 10 ms", "attempt 2 in 20 ms", "attempt 3 in 40 ms", "attempt 4 in 80 ms", "attempt 5 in 80 ms"],
            delays.Select(l => l[l.IndexOf("attempt", StringComparison.Ordinal)..].Trim()));
    }

    [Fact]
    public async Task While_Asterisk_stays_away_each_attempt_logs_one_line_and_the_stack_is_logged_once()
    {
        using var logs = new CapturingLoggerProvider();
        var server = new FakeAmiServer();
        var options = server.ClientOptions() with
        {
            ReconnectMinDelay = TimeSpan.FromMilliseconds(5),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(10),
        };
        await using var connection = new AmiConnection(options, logs.CreateLogger<AmiConnection>(), TimeProvider.System, () => 1.0);
        await connection.ConnectAsync().WaitAsync(Step);
        await server.DisposeAsync();

        await RetriesAsync(logs, 5);
        var othersAfterFive = Shown(logs).Count(l => !IsRetry(l));
        await RetriesAsync(logs, 20);

        // What an operator sees at the default level: the lost link once, with its stack, then one line an attempt.
        var shown = Shown(logs);
        var retries = shown.Where(IsRetry).ToList();
        Assert.All(retries, l => Assert.EndsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal(othersAfterFive, shown.Count(l => !IsRetry(l)));
        Assert.True(shown.Count(l => l.Contains("   at ", StringComparison.Ordinal)) <= 1, string.Join(Environment.NewLine, shown.Take(8)));

        static bool IsRetry(string line) => line.StartsWith("Warning 1012 ", StringComparison.Ordinal);
        static List<string> Shown(CapturingLoggerProvider logs) =>
            [.. logs.Lines.Where(l => !l.StartsWith("Debug ", StringComparison.Ordinal) && !l.StartsWith("Trace ", StringComparison.Ordinal))];
        static async Task RetriesAsync(CapturingLoggerProvider logs, int count)
        {
            using var wait = new CancellationTokenSource(Step);
            while (logs.Lines.Count(IsRetry) < count)
            {
                await Task.Delay(10, wait.Token);
            }
        }
    }

    [Fact]
    public async Task A_ping_without_answer_and_a_silent_link_is_a_dead_link_that_is_rebuilt()
    {
        var time = new FakeTimeProvider();
        await using var server = new FakeAmiServer { AnswerPings = false };
        var options = server.ClientOptions() with
        {
            PingInterval = TimeSpan.FromSeconds(15),
            DeadLinkTimeout = TimeSpan.FromSeconds(10),
            ReconnectMinDelay = TimeSpan.Zero,
            ReconnectMaxDelay = TimeSpan.Zero,
        };
        await using var connection = new AmiConnection(options, null, time, null);
        await connection.ConnectAsync().WaitAsync(Step);

        time.Advance(TimeSpan.FromSeconds(15));
        await server.WaitForActionAsync("Ping", Step);
        time.Advance(TimeSpan.FromSeconds(10));

        var changes = await ReadChangesAsync(connection, 4);
        Assert.Equal(AmiConnectionState.Reconnecting, changes[2].State);
        Assert.Contains("no answer to Ping", changes[2].Reason, StringComparison.Ordinal);
        Assert.Equal(AmiConnectionState.Open, changes[3].State);
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task Answered_pings_keep_the_link_and_so_does_traffic_while_a_ping_is_unanswered()
    {
        var time = new FakeTimeProvider();
        await using var server = new FakeAmiServer();
        var options = server.ClientOptions() with { PingInterval = TimeSpan.FromSeconds(15), DeadLinkTimeout = TimeSpan.FromSeconds(10) };
        await using var connection = new AmiConnection(options, null, time, null);
        await connection.ConnectAsync().WaitAsync(Step);
        var session = await server.WaitForLoginAsync(Step);

        time.Advance(TimeSpan.FromSeconds(15));
        await server.WaitForActionAsync("Ping", Step, 1);
        await WaitUntilAsync(() => connection.PendingActions == 0);
        server.AnswerPings = false;

        // The next Ping's timer starts when the loop comes round again: move the clock until that Ping is sent.
        await AdvanceUntilAsync(time, () => CountPings(server) == 2);
        await session.SendAsync("Event: Newexten\r\nChannel: SIP/101-1\r\n\r\n");
        await connection.Events.ReadAsync().AsTask().WaitAsync(Step);
        time.Advance(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => connection.PendingActions == 0);

        Assert.Equal(AmiConnectionState.Open, connection.State);
        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Open], (await ReadChangesAsync(connection, 2)).Select(c => c.State));
        Assert.False(connection.LinkChanges.TryRead(out _));
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Disposing_fails_pending_actions_closes_the_link_and_ends_the_streams()
    {
        await using var server = new FakeAmiServer();
        server.NeverAnswer("Status");
        var connection = await AmiConnectionActionTests.ConnectAsync(server);
        var pending = connection.SendActionAsync(new AmiAction("Status"));
        await server.WaitForActionAsync("Status", Step);

        await connection.DisposeAsync().AsTask().WaitAsync(Step);

        await Assert.ThrowsAsync<AmiConnectionLostException>(() => pending.WaitAsync(Step));
        Assert.Equal(AmiConnectionState.Closed, connection.State);
        var states = new List<AmiConnectionState>();
        await foreach (var change in connection.LinkChanges.ReadAllAsync().WithCancellation(new CancellationTokenSource(Step).Token))
        {
            states.Add(change.State);
        }

        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Open, AmiConnectionState.Closed], states);
        Assert.True(connection.Events.Completion.IsCompleted);
        await Task.Delay(100);
        Assert.Equal(1, server.ConnectionCount);
    }

    internal static async Task<List<AmiLinkChange>> ReadChangesAsync(AmiConnection connection, int count)
    {
        var changes = new List<AmiLinkChange>();
        using var timeout = new CancellationTokenSource(Step);
        while (changes.Count < count)
        {
            changes.Add(await connection.LinkChanges.ReadAsync(timeout.Token));
        }

        return changes;
    }

    private static int CountPings(FakeAmiServer server) => server.ReceivedActions.Count(a => a.Name == "Ping");

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Step);
        while (!condition())
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Step);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
