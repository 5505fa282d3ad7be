using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

public sealed class AmiConnectionLoginTests
{
    private static readonly TimeSpan Step = AmiTestTimeouts.Step;

    [Fact]
    public async Task Login_with_a_plain_secret_opens_the_link_and_reports_it_up()
    {
        await using var server = new FakeAmiServer();
        await using var connection = new AmiConnection(server.ClientOptions());

        await connection.ConnectAsync().WaitAsync(Step);

        Assert.Equal(AmiConnectionState.Open, connection.State);
        Assert.Equal("Asterisk Call Manager/9.0.0", connection.Banner);
        var login = Assert.Single(server.ReceivedActions);
        Assert.Equal($"Action: Login\r\nActionID: {connection.ActionIdPrefix}1\r\nUsername: cti\r\nSecret: ctisecret\r\n\r\n", login.RawText);
        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Open], await ReadStatesAsync(connection, 2));
    }

    [Fact]
    public async Task Login_with_the_MD5_challenge_sends_the_key_Asterisk_accepted_in_the_recording()
    {
        await using var server = new FakeAmiServer { Banner = "Asterisk Call Manager/11.0.0" };
        await using var connection = new AmiConnection(server.ClientOptions() with { UseMd5Challenge = true });

        await connection.ConnectAsync().WaitAsync(Step);

        Assert.Equal(AmiConnectionState.Open, connection.State);
        var actions = server.ReceivedActions;
        Assert.Equal($"Action: Challenge\r\nActionID: {connection.ActionIdPrefix}1\r\nAuthType: MD5\r\n\r\n", actions[0].RawText);
        Assert.Equal(
            $"Action: Login\r\nActionID: {connection.ActionIdPrefix}2\r\nAuthType: MD5\r\nUsername: cti\r\nKey: 12464eb0622ef6642de5d8d1054e6eeb\r\n\r\n",
            actions[1].RawText);
        Assert.DoesNotContain(actions, a => a.RawText.Contains("ctisecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_login_throws_AmiAuthenticationException_and_is_not_retried()
    {
        await using var server = new FakeAmiServer { Secret = "the-right-one" };
        await using var connection = new AmiConnection(server.ClientOptions() with { Secret = "wrong-password", RetryInitialConnect = true });

        var refused = await Assert.ThrowsAsync<AmiAuthenticationException>(() => connection.ConnectAsync().WaitAsync(Step));

        Assert.Contains("Authentication failed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AmiConnectionState.Closed, connection.State);
        var states = await ReadStatesAsync(connection, 2);
        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Closed], states);
        await Task.Delay(300);
        Assert.Equal(1, server.ConnectionCount);
        Assert.False(connection.LinkChanges.TryRead(out var more), $"no further change, got {more}");
    }

    [Fact]
    public async Task A_login_refused_after_a_lost_link_stops_the_reconnection_for_good()
    {
        await using var server = new FakeAmiServer();
        await using var connection = new AmiConnection(server.ClientOptions());
        await connection.ConnectAsync().WaitAsync(Step);
        var first = await server.WaitForLoginAsync(Step);

        server.RefuseLogins = true;
        first.Drop();

        var states = await ReadStatesAsync(connection, 4);
        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Open, AmiConnectionState.Reconnecting, AmiConnectionState.Closed], states);
        var connections = server.ConnectionCount;
        await Task.Delay(300);
        Assert.Equal(connections, server.ConnectionCount);
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_first_connect_with_AmiConnectionException()
    {
        var port = ClosedPort();
        await using var connection = new AmiConnection(new AmiOptions { Port = port, Username = "cti", Secret = "x" });

        await Assert.ThrowsAsync<AmiConnectionException>(() => connection.ConnectAsync().WaitAsync(Step));

        Assert.Equal(AmiConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task With_retry_on_the_first_connect_it_waits_until_the_server_is_there()
    {
        var port = ClosedPort();
        var options = new AmiOptions
        {
            Port = port,
            Username = "cti",
            Secret = "ctisecret",
            RetryInitialConnect = true,
            PingInterval = Timeout.InfiniteTimeSpan,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        await using var connection = new AmiConnection(options);

        var connecting = connection.ConnectAsync();
        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Reconnecting], await ReadStatesAsync(connection, 2));
        Assert.False(connecting.IsCompleted);
        await using var server = new FakeAmiServer(port);

        await connecting.WaitAsync(Step);
        Assert.Equal(AmiConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task Disposing_while_retrying_the_first_connect_ends_ConnectAsync()
    {
        await using var connection = new AmiConnection(new AmiOptions { Port = ClosedPort(), Username = "cti", RetryInitialConnect = true });

        var connecting = connection.ConnectAsync();
        Assert.Equal([AmiConnectionState.Connecting, AmiConnectionState.Reconnecting], await ReadStatesAsync(connection, 2));
        await connection.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => connecting.WaitAsync(Step));
        Assert.Equal(AmiConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task A_server_that_sends_no_banner_fails_the_connect_after_the_connect_timeout()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        await using var connection = new AmiConnection(new AmiOptions
        {
            Port = port,
            Username = "cti",
            Secret = "x",
            ConnectTimeout = TimeSpan.FromMilliseconds(300),
        });

        var failed = await Assert.ThrowsAsync<AmiConnectionException>(() => connection.ConnectAsync().WaitAsync(Step));

        Assert.Contains("within", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_never_reaches_a_log()
    {
        using var logs = new CapturingLoggerProvider();
        await using var server = new FakeAmiServer { Secret = "very-secret-words" };
        await using (var connection = new AmiConnection(server.ClientOptions(), logs.CreateLogger<AmiConnection>()))
        {
            await connection.ConnectAsync().WaitAsync(Step);
            (await server.WaitForLoginAsync(Step)).Drop();
            await server.WaitForLoginAsync(Step);
        }

        await using (var md5 = new AmiConnection(server.ClientOptions() with { UseMd5Challenge = true }, logs.CreateLogger<AmiConnection>()))
        {
            await md5.ConnectAsync().WaitAsync(Step);
        }

        Assert.NotEmpty(logs.Lines);
        var key = FakeAmiServer.Md5Key(FakeAmiServer.RecordedChallenge, "very-secret-words");
        Assert.DoesNotContain(logs.Lines, line => line.Contains("very-secret-words", StringComparison.Ordinal) || line.Contains(key, StringComparison.Ordinal));
    }

    internal static async Task<List<AmiConnectionState>> ReadStatesAsync(AmiConnection connection, int count)
    {
        var states = new List<AmiConnectionState>();
        using var timeout = new CancellationTokenSource(Step);
        while (states.Count < count)
        {
            states.Add((await connection.LinkChanges.ReadAsync(timeout.Token)).State);
        }

        return states;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
