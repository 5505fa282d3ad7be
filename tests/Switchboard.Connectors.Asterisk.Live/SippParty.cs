using System.Diagnostics;

namespace Switchboard.Connectors.Asterisk.Live;

/// <summary>
/// One SIPp process playing a phone or a caller from the scenario files in Sipp/ (written by the reference
/// Asterisk's recorder: digest REGISTER, a phone that answers after 1 s and streams PCMU silence until BYE,
/// a caller that hangs up a set time after the answer). Killed by its own process handle, never by name.
/// </summary>
internal sealed class SippParty : IAsyncDisposable
{
    private readonly Process _process;

    private SippParty(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public static SippParty Start(LiveOptions options, string name, string scenario, int port, IReadOnlyDictionary<string, string> values)
    {
        Directory.CreateDirectory(options.WorkFolder);
        var silence = Path.Combine(options.WorkFolder, "silence-pcmu.raw");
        if (!File.Exists(silence))
        {
            File.WriteAllBytes(silence, Enumerable.Repeat((byte)0xFF, 8000).ToArray());
        }

        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sipp", scenario + ".xml"));
        foreach (var (key, value) in values)
        {
            text = text.Replace(key, value, StringComparison.Ordinal);
        }

        var file = Path.Combine(options.WorkFolder, $"{name}.xml");
        File.WriteAllText(file, text);
        var start = new ProcessStartInfo("sipp")
        {
            WorkingDirectory = options.WorkFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            options.AsteriskSip, "-sf", file, "-i", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mi", "127.0.0.1", "-m", "1", "-nostdin", "-trace_err", "-timeout", "90s", "-aa",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start: is sip-tester installed?");
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        return new SippParty(process, name);
    }

    /// <summary>Waits for the party to finish its one call; true when SIPp says it succeeded.</summary>
    public async Task<bool> FinishedAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
