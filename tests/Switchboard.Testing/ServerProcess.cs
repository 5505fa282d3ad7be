using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Testing;

/// <summary>
/// The built Switchboard.Server as a real OS process (<c>dotnet Switchboard.Server.dll ...</c>) on a
/// loopback port, in a working folder of its own. It is killed when disposed, and when the test
/// process exits, so a failed test leaves nothing running. Its output is kept for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly string _name;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private readonly Lock _gate = new();
    private Process? _process;

    public ServerProcess(string name, string workingFolder, int port, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        _name = name;
        WorkingFolder = workingFolder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _arguments = arguments;
        _environment = environment;
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeouts.Step };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public Uri BaseAddress { get; }

    public string WorkingFolder { get; }

    public HttpClient Http { get; }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return $"--- {_name} ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
            }
        }
    }

    /// <summary>A port nobody listens on now, on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the process and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(WorkingFolder);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = WorkingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Switchboard.Server.dll"));
        start.ArgumentList.Add($"--urls={BaseAddress.ToString().TrimEnd('/')}");
        start.ArgumentList.Add("--environment=Testing");
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{_name} did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilHealthyAsync(process);
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            Kill();
            await process.WaitForExitAsync().WaitAsync(Timeouts.Step);
            process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }
    }

    private async Task WaitUntilHealthyAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Timeouts.ProcessStart);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with {process.ExitCode} before it was ready.{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/healthz", timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                await Task.Delay(100, timeout.Token);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(100, CancellationToken.None);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"{_name} was not ready in time.{Environment.NewLine}{Output}");
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
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    // The SDK tells test processes which dotnet runs them; the one on the PATH otherwise.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
