using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// The web phone's telephony on loopback: rtpengine, then Kamailio (registrar and proxy with digest
/// authentication, SIP over WebSocket), on ports chosen at run time, in a folder of their own under
/// <see cref="StaleRigs.Parent"/>. Their logs are kept under artifacts/webphone-rig/ when the rig
/// stops. Kamailio can be stopped and started again while rtpengine runs on.
/// </summary>
public sealed class SipRig : IAsyncLifetime, IAsyncDisposable
{
    public const string KamailioProgram = "kamailio";
    public const string RtpengineProgram = "rtpengine";
    public const string SippProgram = "sipp";

    /// <summary>PCMA audio that Debian's sip-tester ships; SIPp callers play it (outside-caller.xml).</summary>
    public const string CallerAudio = "/usr/share/sip-tester/g711a.pcap";

    /// <summary>The key 1 as RFC 4733 telephone-events (payload type 101), also from sip-tester (outside-caller-dtmf.xml).</summary>
    public const string CallerKeyOne = "/usr/share/sip-tester/dtmf_2833_1.pcap";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, string> _programs = [];
    private RigProcess? _rtpengine;
    private DtmfLog? _dtmf;
    private RigProcess? _kamailio;

    /// <summary>The rig's SIP users: browsers 101-104 (the demo agents' lines: agent1 has 101), SIP phones (SIPp) 301-303; fresh passwords each run.</summary>
    public IReadOnlyList<SipUser> Users { get; } =
        [.. new[] { "101", "102", "103", "104", "301", "302", "303" }.Select(name => new SipUser(name, $"pw-{name}-{Guid.NewGuid():N}"))];

    public RigPorts Ports { get; private set; } = null!;

    public string Folder { get; private set; } = null!;

    /// <summary>Where browsers connect: <c>ws://127.0.0.1:{port}</c>.</summary>
    public Uri WebSocketUrl => new($"ws://127.0.0.1:{Ports.WebSocket}");

    public RtpengineControl Media => new(Ports.Ng);

    /// <summary>The RFC 4733 key presses rtpengine relayed, by call.</summary>
    public DtmfLog Dtmf => _dtmf ?? throw new InvalidOperationException("The rig has not started.");

    public SipUser User(string name) => Users.Single(u => u.Name == name);

    public async Task InitializeAsync()
    {
        foreach (var program in new[] { KamailioProgram, RtpengineProgram, SippProgram })
        {
            _programs[program] = FindProgram(program) ?? throw new InvalidOperationException(
                $"{program} is not installed: run scripts/install-prerequisites.sh test (kamailio, kamailio-websocket-modules, rtpengine-daemon, sip-tester).");
        }

        StaleRigs.Clean();
        Folder = StaleRigs.NewFolder();
        _dtmf = new DtmfLog();
        Ports = RigPorts.Choose() with { DtmfLog = _dtmf.Port };
        RigConfig.Write(Folder, Ports, Users);
        foreach (var audio in new[] { CallerAudio, CallerKeyOne })
        {
            File.Copy(audio, Path.Combine(Folder, Path.GetFileName(audio)));
        }

        _rtpengine = RigProcess.Start(RtpengineProgram, _programs[RtpengineProgram], ["--config-file", Path.Combine(Folder, "rtpengine.conf")], Folder);
        await _rtpengine.WaitUntilAsync(() => Task.FromResult(_rtpengine.HasWritten("Startup complete")), "started", StartLimit);
        await StartKamailioAsync();
    }

    /// <summary>Starts Kamailio (it pings rtpengine at start, so rtpengine runs first) and waits until its WebSocket port accepts.</summary>
    public async Task StartKamailioAsync()
    {
        if (_kamailio is not null)
        {
            throw new InvalidOperationException("Kamailio already runs.");
        }

        // -DD: stay in the foreground with the children; -E: log to standard error; -Y: runtime files here.
        _kamailio = RigProcess.Start(KamailioProgram, _programs[KamailioProgram], ["-f", Path.Combine(Folder, "kamailio.cfg"), "-DD", "-E", "-Y", Folder], Folder);
        await _kamailio.WaitUntilAsync(() => AcceptsAsync(Ports.WebSocket), "accepting WebSocket connections", StartLimit);
    }

    /// <summary>Stops Kamailio at once, as a crash would: registrations (kept in memory) are lost, WebSockets close.</summary>
    public async Task StopKamailioAsync()
    {
        if (_kamailio is { } kamailio)
        {
            _kamailio = null;
            await kamailio.DisposeAsync();
        }
    }

    /// <summary>The contacts registered for <paramref name="user"/> now, asked through Kamailio's JSON-RPC (ul.lookup).</summary>
    public async Task<IReadOnlyList<string>> ContactsAsync(string user, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var request = $$"""{"jsonrpc":"2.0","method":"ul.lookup","params":["location","{{user}}@{{RigConfig.Domain}}"],"id":1}""";
        using var content = new StringContent(request, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{Ports.WebSocket}/RPC"), content, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return answer?["result"]?["Contacts"]?.AsArray()
            .Select(c => c?["Contact"]?["Address"]?.GetValue<string>() ?? "")
            .ToList() ?? [];
    }

    /// <summary>Waits until <paramref name="user"/> has <paramref name="count"/> registered contacts; throws with Kamailio's log when the limit passes.</summary>
    public async Task WaitForContactsAsync(string user, int count, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while ((await ContactsAsync(user, timeout.Token)).Count != count)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{user} did not get {count} registered contact(s) in {limit.TotalSeconds} s.{Environment.NewLine}{KamailioLog}");
        }
    }

    /// <summary>What Kamailio wrote so far, for a failure message.</summary>
    public string KamailioLog => _kamailio?.Tail(80) ?? "(Kamailio is stopped)";

    public async Task DisposeAsync()
    {
        await StopKamailioAsync();
        if (_rtpengine is not null)
        {
            await _rtpengine.DisposeAsync();
        }

        _dtmf?.Dispose();

        if (Folder is not null)
        {
            KeepLogs();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for StaleRigs to remove at the next start.
            }
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    // The logs and the filled-in configuration (not users.cfg: it holds the passwords) as test artifacts.
    private void KeepLogs()
    {
        var artifacts = Path.Combine(RepositoryRoot(), "artifacts", "webphone-rig", Path.GetFileName(Folder));
        Directory.CreateDirectory(artifacts);
        foreach (var file in Directory.GetFiles(Folder).Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith("kamailio.cfg", StringComparison.Ordinal) || f.EndsWith(".conf", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(artifacts, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>The folder of Switchboard.slnx above the tests, or the tests' folder when there is none.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Switchboard.slnx")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? FindProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/usr/sbin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
