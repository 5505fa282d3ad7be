using System.Globalization;

namespace Switchboard.WebPhone.Rig;

/// <summary>How to run one SIPp scenario of Rig/Scenarios against the rig.</summary>
public sealed record SippOptions
{
    /// <summary>The user called, registered or answering: SIPp's <c>-s</c>.</summary>
    public required string Service { get; init; }

    /// <summary>SIPp's own SIP port; a free one when not said. A registered phone answers on the port it registered from.</summary>
    public int? LocalPort { get; init; }

    /// <summary>Whether SIPp sends to the rig's proxy (callers, registering phones); answering parties only listen.</summary>
    public bool SendsToProxy { get; init; } = true;

    /// <summary>Another proxy's SIP port on 127.0.0.1 to send to, instead of the rig's.</summary>
    public int? ProxyPort { get; init; }

    /// <summary>Credentials for the proxy's digest challenge: SIPp's <c>-au</c>/<c>-ap</c>.</summary>
    public SipUser? Credentials { get; init; }

    /// <summary>Returns the RTP it receives to its sender (<c>-rtp_echo</c>), so media flows back.</summary>
    public bool EchoesMedia { get; init; }

    /// <summary>How long a scenario's <c>&lt;pause/&gt;</c> lasts (<c>-d</c>): how long a call is held before hanging up.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The call id SIPp gives its call, to find the call in rtpengine; made up when not said.</summary>
    public string? CallId { get; init; }

    /// <summary>SIPp gives up (and fails) after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// One SIPp run of one call (<c>-m 1</c>) of a scenario of Rig/Scenarios, in the rig's folder, with
/// its messages and errors logged there. SIPp exits 0 when the call went as the scenario says.
/// </summary>
public sealed class SippRun : IAsyncDisposable
{
    private static int _runs;

    private readonly RigProcess _process;
    private readonly string _errorFile;
    private readonly TimeSpan _timeout;

    private SippRun(RigProcess process, string errorFile, int localPort, string callId, TimeSpan timeout)
    {
        _process = process;
        _errorFile = errorFile;
        LocalPort = localPort;
        CallId = callId;
        _timeout = timeout;
    }

    public int LocalPort { get; }

    public string CallId { get; }

    /// <summary>Starts SIPp and waits until it listens on its SIP port.</summary>
    public static async Task<SippRun> StartAsync(SipRig rig, string scenario, SippOptions options)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(options);
        var scenarioFile = Path.Combine(RigConfig.ScenarioFolder, scenario);
        if (!File.Exists(scenarioFile))
        {
            throw new FileNotFoundException($"No SIPp scenario {scenario} in {RigConfig.ScenarioFolder}.", scenarioFile);
        }

        var name = $"sipp-{Interlocked.Increment(ref _runs):00}-{Path.GetFileNameWithoutExtension(scenario)}";
        var localPort = options.LocalPort ?? RigPorts.FreeUdpPort();
        var callId = options.CallId ?? $"{name}-{Guid.NewGuid():N}";
        var errorFile = Path.Combine(rig.Folder, $"{name}.errors.log");
        List<string> arguments = [];
        if (options.SendsToProxy)
        {
            arguments.Add($"127.0.0.1:{options.ProxyPort ?? rig.Ports.Sip}");
        }

        arguments.AddRange(
        [
            "-sf", scenarioFile,
            "-s", options.Service,
            "-i", "127.0.0.1",
            "-p", Number(localPort),
            "-mi", "127.0.0.1",
            "-mp", Number(RigPorts.FreeMediaPort()),
            "-cid_str", callId.Replace("%", "%%", StringComparison.Ordinal),
            "-d", Number((int)options.Hold.TotalMilliseconds),
            "-m", "1",
            "-nostdin",
            "-timeout", $"{Number((int)options.Timeout.TotalSeconds)}s",
            "-timeout_error",
            "-trace_err", "-error_file", errorFile,
            "-trace_msg", "-message_file", Path.Combine(rig.Folder, $"{name}.messages.log"),
        ]);
        // SIPp refuses a -set for a variable its scenario does not use.
        if (File.ReadAllText(scenarioFile).Contains("[$domain]", StringComparison.Ordinal))
        {
            arguments.AddRange(["-set", "domain", RigConfig.Domain]);
        }

        if (options.Credentials is { } credentials)
        {
            arguments.AddRange(["-au", credentials.Name, "-ap", credentials.Password]);
        }

        if (options.EchoesMedia)
        {
            arguments.Add("-rtp_echo");
        }

        var process = RigProcess.Start(name, "sipp", arguments, rig.Folder);
        var run = new SippRun(process, errorFile, localPort, callId, options.Timeout);
        // A short scenario may be over before the port is seen bound: its result is there to read.
        await process.WaitUntilAsync(() => Task.FromResult(process.Exited.IsCompleted || !RigPorts.UdpPortsFree(localPort, 1)), "listening", TimeSpan.FromSeconds(10));
        return run;
    }

    /// <summary>Waits until SIPp ends; true when the call went as the scenario says. See <see cref="Report"/> when not.</summary>
    public async Task<bool> SucceedsAsync()
    {
        var exitCode = await _process.Exited.WaitAsync(_timeout + TimeSpan.FromSeconds(10));
        return exitCode == 0;
    }

    /// <summary>SIPp's errors and last lines, for a failure message.</summary>
    public string Report() =>
        $"{(File.Exists(_errorFile) ? File.ReadAllText(_errorFile) : "(no errors logged)")}{Environment.NewLine}{_process.Tail()}";

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
