using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Outbox;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.Tests.Outbox;

/// <summary>A real outbox on a temporary folder, with a CRM played by the test and a log written down.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private readonly List<CallOutbox> _opened = [];

    public OutboxHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "switchboard-outbox-tests", Guid.NewGuid().ToString("N"));
    }

    public string Folder { get; }

    public FakeCrm Crm { get; } = new();

    public RecordingLogger<CallOutbox> Log { get; } = new();

    /// <summary>Opens an outbox on the folder, as a process start would.</summary>
    public async Task<CallOutbox> StartAsync()
    {
        var options = Options.Create(new MessagingOptions { OutboxPath = Folder, OutboxMaxRetryDelay = TimeSpan.FromMilliseconds(50) });
        var outbox = new CallOutbox(Crm, options, TimeProvider.System, Log);
        _opened.Add(outbox);
        await outbox.StartAsync(CancellationToken.None);
        return outbox;
    }

    /// <summary>Stops it as a host would; what waits stays on disk.</summary>
    public async Task StopAsync(CallOutbox outbox)
    {
        await outbox.StopAsync(CancellationToken.None);
        outbox.Dispose();
        _opened.Remove(outbox);
    }

    public static CallSaveRequest Save(CallState state) => new()
    {
        ConversationId = "conv-1",
        Direction = CallDirection.Incoming,
        CallerNumber = "+74951234567",
        CalleeNumber = "101",
        State = state,
        StartedAt = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero),
        EndedAt = state == CallState.Finished ? new DateTimeOffset(2026, 1, 5, 10, 1, 0, TimeSpan.Zero) : null,
        DurationSeconds = state == CallState.Finished ? 60 : 0,
        EndReason = state == CallState.Finished ? CallEndReason.Completed : null,
    };

    public static async Task<List<SaveConfirmed>> ConfirmedAsync(CallOutbox outbox, int count)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var confirmed = new List<SaveConfirmed>();
        await foreach (var saved in outbox.ReadConfirmedAsync(timeout.Token))
        {
            confirmed.Add(saved);
            if (confirmed.Count == count)
            {
                break;
            }
        }

        return confirmed;
    }

    public static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public string[] FilesIn(string? subfolder = null)
    {
        var folder = subfolder is null ? Folder : Path.Combine(Folder, subfolder);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var outbox in _opened.ToList())
        {
            await StopAsync(outbox);
        }

        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>The CRM's side of the save: down, up, or refusing, as the test says; every attempt written down.</summary>
internal sealed class FakeCrm : ICallLogWriter
{
    private readonly Lock _gate = new();
    private readonly List<(string PbxCallId, string Line, CallSaveRequest Save)> _attempts = [];
    private readonly Dictionary<(string, string), Guid> _rows = [];

    /// <summary>What the CRM does with a save; null answers with the row's id.</summary>
    public Func<string, Exception?> Behaviour { get; set; } = _ => null;

    public IReadOnlyList<(string PbxCallId, string Line, CallSaveRequest Save)> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public Task<Guid> SaveAsync(string pbxCallId, string line, CallSaveRequest save, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _attempts.Add((pbxCallId, line, save));
            if (Behaviour(pbxCallId) is { } error)
            {
                return Task.FromException<Guid>(error);
            }

            if (!_rows.TryGetValue((pbxCallId, line), out var id))
            {
                id = Guid.NewGuid();
                _rows[(pbxCallId, line)] = id;
            }

            return Task.FromResult(id);
        }
    }

    public static Exception Down() => new HttpRequestException("Connection refused (127.0.0.1:9)");
}

internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
