using System.Diagnostics;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// One program of the rig (rtpengine, Kamailio, SIPp) as an OS process in the rig's folder, its
/// output written to <c>{name}.log</c> there. Killed with its children when stopped, disposed, or
/// when the test process exits; a process left by a test process that died is found by its pid
/// file at the next start (<see cref="StaleRigs"/>).
/// </summary>
public sealed class RigProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closed;

    private RigProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public static RigProcess Start(string name, string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(Path.Combine(folder, $"{name}.log"), append: true) { AutoFlush = true };
        log.WriteLine($"$ {program} {string.Join(' ', start.ArgumentList)}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var rigProcess = new RigProcess(name, process, log);
        process.OutputDataReceived += (_, e) => rigProcess.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => rigProcess.Keep(e.Data);
        process.Exited += (_, _) => rigProcess._exited.TrySetResult(process.ExitCode);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{program} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        File.WriteAllText(Path.Combine(folder, $"{name}.pid"), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => rigProcess.Kill();
        return rigProcess;
    }

    /// <summary>Whether the process wrote a line containing <paramref name="text"/>.</summary>
    public bool HasWritten(string text)
    {
        lock (_gate)
        {
            return _lines.Exists(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits until <paramref name="ready"/> holds; fails with the process's last lines when it exits first or takes too long.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(ready);
        using var limit = new CancellationTokenSource(timeout);
        while (!await ready())
        {
            if (Exited.IsCompleted && !await ready())
            {
                throw new InvalidOperationException($"{Name} exited with {await Exited} before {what}.{Environment.NewLine}{Tail()}");
            }

            try
            {
                await Task.Delay(50, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}: not {what} within {timeout.TotalSeconds} s.{Environment.NewLine}{Tail()}");
            }
        }
    }

    /// <summary>The last lines, for a failure message.</summary>
    public string Tail(int count = 40)
    {
        lock (_gate)
        {
            return $"--- {Name} (last lines) ---{Environment.NewLine}{string.Join(Environment.NewLine, _lines.TakeLast(count))}";
        }
    }

    /// <summary>Kills the process and its children, as a crash would, and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        Kill();
        await Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
            lock (_gate)
            {
                _closed = true;
                _log.Dispose();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _lines.Add(line);
                _log.WriteLine(line);
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile, or never started.
        }
    }
}
