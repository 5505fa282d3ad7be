using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>
/// A small AMI server on 127.0.0.1, port 0, for tests over real TCP. Each connection gets the banner; the
/// server answers <c>Login</c> (plain or MD5 with <see cref="Challenge"/>), <c>Challenge</c>, <c>Ping</c> and
/// <c>Logoff</c> the way Asterisk does, list actions (<c>CoreShowChannels</c>, <c>Status</c>...) with an empty
/// list, every other action with <c>Response: Success</c> unless a handler was
/// set with <see cref="On(string, Func{FakeAmiRequest, Task})"/> (which may answer later, out of order, or
/// never). After a login it can stream a recording (<see cref="ReplayPath"/>), optionally in small chunks.
/// Every action received is kept as raw text (<see cref="ReceivedActions"/>) to compare byte for byte.
/// A test can send anything on a connection (<see cref="FakeAmiSession.SendAsync(string)"/>), drop it, or close it.
/// </summary>
public sealed class FakeAmiServer : IAsyncDisposable
{
    /// <summary>The challenge of the recorded MD5 login (asterisk22-pjsip/11c-login-md5-challenge).</summary>
    public const string RecordedChallenge = "498485419";

    /// <summary>List actions answered by default with an empty list (their closing event), as an idle Asterisk answers them.</summary>
    private static readonly Dictionary<string, string> EmptyLists = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CoreShowChannels"] = "CoreShowChannelsComplete",
        ["Status"] = "StatusComplete",
        ["QueueStatus"] = "QueueStatusComplete",
        ["QueueSummary"] = "QueueSummaryComplete",
        ["SIPpeers"] = "PeerlistComplete",
        ["PJSIPShowEndpoints"] = "EndpointListComplete",
        ["DeviceStateList"] = "DeviceStateListComplete",
        ["ExtensionStateList"] = "ExtensionStateListComplete",
        ["PresenceStateList"] = "PresenceStateListComplete",
    };

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<FakeAmiRequest> _received = [];
    private readonly List<FakeAmiSession> _sessions = [];
    private readonly Dictionary<string, Func<FakeAmiRequest, Task>> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<FakeAmiSession> _logins = Channel.CreateUnbounded<FakeAmiSession>();
    private readonly Task _acceptLoop;
    private int _connections;

    /// <summary>Listens on 127.0.0.1 at <paramref name="port"/>; 0 (the default) picks a free port.</summary>
    public FakeAmiServer(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    /// <summary>The first line sent on each connection (the recording's own banner when <see cref="ReplayPath"/> is set).</summary>
    public string Banner { get; set; } = "Asterisk Call Manager/9.0.0";

    public string Username { get; set; } = "cti";

    public string Secret { get; set; } = "ctisecret";

    public string Challenge { get; set; } = RecordedChallenge;

    /// <summary>Answer every Login with <c>Authentication failed</c> and close, as Asterisk does.</summary>
    public bool RefuseLogins { get; set; }

    /// <summary>Answer Ping; when false, Pings get no answer (a dead link).</summary>
    public bool AnswerPings { get; set; } = true;

    /// <summary>A recording streamed after each successful login: its bytes after the banner and login exchange.</summary>
    public string? ReplayPath { get; set; }

    /// <summary>The size of the writes of the replay; 0 sends it in one write.</summary>
    public int ReplayChunkSize { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Every action received on every connection, in order.</summary>
    public IReadOnlyList<FakeAmiRequest> ReceivedActions
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Options for an <see cref="AmiConnection"/> to this server: quick reconnection, keep-alive off.</summary>
    public AmiOptions ClientOptions() => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Username,
        Secret = Secret,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ActionTimeout = TimeSpan.FromSeconds(10),
        PingInterval = Timeout.InfiniteTimeSpan,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Handles every action with this name (instead of the default answer). The handler runs on the connection's loop: answer later from a task of your own.</summary>
    public void On(string action, Func<FakeAmiRequest, Task> handler)
    {
        lock (_lock)
        {
            _handlers[action] = handler;
        }
    }

    /// <summary>Never answers actions with this name.</summary>
    public void NeverAnswer(string action) => On(action, _ => Task.CompletedTask);

    /// <summary>Answers actions with this name with <c>Response: Success</c> after <paramref name="delay"/>, without holding up the actions behind them.</summary>
    public void AnswerAfter(string action, TimeSpan delay) => On(action, request =>
    {
        _ = Task.Delay(delay).ContinueWith(_ => request.ReplyAsync(), TaskScheduler.Default).Unwrap();
        return Task.CompletedTask;
    });

    /// <summary>The next connection to log in successfully (the first, then the one after a reconnection, ...).</summary>
    public async Task<FakeAmiSession> WaitForLoginAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _logins.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Waits until <paramref name="count"/> actions named <paramref name="action"/> have arrived; returns the last of them.</summary>
    public async Task<FakeAmiRequest> WaitForActionAsync(string action, TimeSpan timeout, int count = 1)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var matching = ReceivedActions.Where(a => string.Equals(a.Name, action, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            await Task.Delay(5, cancel.Token);
        }
    }

    /// <summary>Drops every open connection (abortive close, as a crash or a cable pull looks to the client).</summary>
    public void DropAll()
    {
        List<FakeAmiSession> sessions;
        lock (_lock)
        {
            sessions = [.. _sessions];
        }

        foreach (var session in sessions)
        {
            session.Drop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        DropAll();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    internal static string Md5Key(string challenge, string secret)
    {
#pragma warning disable CA5351 // The AMI challenge protocol is MD5.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(challenge + secret)));
#pragma warning restore CA5351
    }

    internal void Record(FakeAmiRequest request)
    {
        lock (_lock)
        {
            _received.Add(request);
        }
    }

    internal async Task HandleAsync(FakeAmiRequest request)
    {
        Func<FakeAmiRequest, Task>? handler;
        lock (_lock)
        {
            _handlers.TryGetValue(request.Name, out handler);
        }

        if (handler is not null)
        {
            await handler(request);
            return;
        }

        switch (request.Name.ToUpperInvariant())
        {
            case "LOGIN":
                await LoginAsync(request);
                break;
            case "CHALLENGE":
                await request.ReplyAsync("Success", $"Challenge: {Challenge}\r\n");
                break;
            case "PING" when AnswerPings:
                await request.ReplyAsync("Success", "Ping: Pong\r\nTimestamp: 1795483200.662219\r\n");
                break;
            case "PING":
                break;
            case "LOGOFF":
                await request.ReplyAsync("Goodbye", "Message: Thanks for all the fish.\r\n");
                request.Session.Close();
                break;
            default:
                if (EmptyLists.TryGetValue(request.Name, out var complete))
                {
                    await request.ReplyAsync("Success", "EventList: start\r\nMessage: List will follow\r\n");
                    await request.Session.SendAsync($"Event: {complete}\r\nActionID: {request.ActionId}\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
                    break;
                }

                await request.ReplyAsync();
                break;
        }
    }

    private async Task LoginAsync(FakeAmiRequest request)
    {
        var md5 = string.Equals(request["AuthType"], "MD5", StringComparison.OrdinalIgnoreCase);
        var accepted = !RefuseLogins
            && request["Username"] == Username
            && (md5 ? request["Key"] == Md5Key(Challenge, Secret) : request["Secret"] == Secret);
        if (!accepted)
        {
            await request.ReplyAsync("Error", "Message: Authentication failed\r\n");
            request.Session.Close();
            return;
        }

        await request.ReplyAsync("Success", "Message: Authentication accepted\r\n");
        request.Session.LoggedIn = true;
        _logins.Writer.TryWrite(request.Session);
        if (ReplayPath is not null)
        {
            // In the background, so that actions sent meanwhile are still read and recorded; their answers
            // wait behind the replay (one write at a time), as they would behind a burst of events.
            var (_, afterLogin) = AmiRecordings.SplitAtLogin(await File.ReadAllBytesAsync(ReplayPath));
            request.Session.ReplayCompleted = request.Session.SendAsync(afterLogin, ReplayChunkSize);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var banner = ReplayPath is null ? Banner : AmiRecordings.SplitAtLogin(await File.ReadAllBytesAsync(ReplayPath)).Banner;
            var session = new FakeAmiSession(this, socket, Interlocked.Increment(ref _connections));
            lock (_lock)
            {
                _sessions.Add(session);
            }

            session.Start(banner, _stopping.Token);
        }
    }
}

/// <summary>One connection to the <see cref="FakeAmiServer"/>.</summary>
public sealed class FakeAmiSession : IDisposable
{
    private readonly FakeAmiServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Task _loop = Task.CompletedTask;

    internal FakeAmiSession(FakeAmiServer server, Socket socket, int number)
    {
        _server = server;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Number = number;
    }

    /// <summary>1 for the first connection, 2 for the next...</summary>
    public int Number { get; }

    public bool LoggedIn { get; internal set; }

    /// <summary>Completes when the replay of <see cref="FakeAmiServer.ReplayPath"/> on this connection has been written.</summary>
    public Task ReplayCompleted { get; internal set; } = Task.CompletedTask;

    /// <summary>Sends text as it is (UTF-8).</summary>
    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends bytes, in writes of <paramref name="chunkSize"/> bytes when it is above zero. A closed connection is not an error here.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes, int chunkSize = 0)
    {
        await _writeLock.WaitAsync();
        try
        {
            var size = chunkSize > 0 ? chunkSize : Math.Max(bytes.Length, 1);
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                await _stream.WriteAsync(bytes.Slice(offset, Math.Min(size, bytes.Length - offset)));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away; the test looks at what the client saw.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Abortive close (RST).</summary>
    public void Drop()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        _stream.Dispose();
    }

    /// <summary>Orderly close (FIN), as Asterisk closes after a refused login or a Logoff.</summary>
    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        _stream.Dispose();
    }

    public void Dispose() => Close();

    internal void Start(string banner, CancellationToken stopping) => _loop = RunAsync(banner, stopping);

    private async Task RunAsync(string banner, CancellationToken stopping)
    {
        await SendAsync(banner + "\r\n");
        var input = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(stopping);
                var buffer = result.Buffer;
                while (TryReadAction(ref buffer, out var text))
                {
                    var request = new FakeAmiRequest(this, text);
                    _server.Record(request);
                    await _server.HandleAsync(request);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection was closed by either side.
        }
        finally
        {
            await input.CompleteAsync();
        }
    }

    private static bool TryReadAction(ref ReadOnlySequence<byte> buffer, out string text)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out ReadOnlySequence<byte> action, "\r\n\r\n"u8))
        {
            text = Encoding.UTF8.GetString(action) + "\r\n\r\n";
            buffer = buffer.Slice(reader.Position);
            return true;
        }

        text = "";
        return false;
    }
}

/// <summary>One action the <see cref="FakeAmiServer"/> received.</summary>
public sealed class FakeAmiRequest
{
    internal FakeAmiRequest(FakeAmiSession session, string rawText)
    {
        Session = session;
        RawText = rawText;
        Message = AmiMessage.Parse(rawText);
    }

    public FakeAmiSession Session { get; }

    /// <summary>The action exactly as received, with its closing blank line.</summary>
    public string RawText { get; }

    public AmiMessage Message { get; }

    public string Name => Message["Action"] ?? "";

    public string? ActionId => Message.ActionId;

    public string? this[string key] => Message[key];

    /// <summary>Answers with <c>Response: <paramref name="response"/></c>, this action's ActionID, then <paramref name="moreLines"/> (CRLF-ended lines).</summary>
    public Task ReplyAsync(string response = "Success", string moreLines = "") =>
        Session.SendAsync($"Response: {response}\r\nActionID: {ActionId}\r\n{moreLines}\r\n");
}
