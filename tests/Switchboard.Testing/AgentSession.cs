using Microsoft.AspNetCore.Http.Connections;
using Switchboard.Client;
using Switchboard.Contracts;

namespace Switchboard.Testing;

/// <summary>One signed-in user's real SignalR client, with every event it receives written down in order.</summary>
public sealed class AgentSession : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, object Payload)> _events = [];
    private TaskCompletionSource _arrived = NewSignal();

    public AgentSession(Uri server, string token, bool rawMessages = false, HttpTransportType? transport = null)
    {
        Token = token;
        var options = new CtiModelOptions { RawMessages = rawMessages };
        if (transport is { } only)
        {
            options.Transports = only;
        }

        Model = new CtiModel(server, () => Task.FromResult<string?>(Token), options);
        Model.Initialized += (_, e) => Record(CtiEvents.Initialized, e);
        Model.Disconnected += (_, e) => Record(CtiEvents.Disconnected, e);
        Model.CallStarted += (_, e) => Record(CtiEvents.CallStarted, e);
        Model.CallFinished += (_, e) => Record(CtiEvents.CallFinished, e);
        Model.CommutationStarted += (_, e) => Record(CtiEvents.CommutationStarted, e);
        Model.CallBusy += (_, e) => Record(CtiEvents.CallBusy, e);
        Model.Hold += (_, e) => Record(CtiEvents.Hold, e);
        Model.Unhold += (_, e) => Record(CtiEvents.Unhold, e);
        Model.Error += (_, e) => Record(CtiEvents.Error, e);
        Model.LineStateChanged += (_, e) => Record(CtiEvents.LineStateChanged, e);
        Model.AgentStateChanged += (_, e) => Record(CtiEvents.AgentStateChanged, e);
        Model.ActiveCallSnapshot += (_, e) => Record(CtiEvents.ActiveCallSnapshot, e);
        Model.CallSaved += (_, e) => Record(CtiEvents.CallSaved, e);
        Model.RawMessage += (_, e) => Record(CtiEvents.RawMessage, e);
        Model.CurrentCallChanged += (_, e) => Record(CtiEvents.CurrentCallChanged, e);
        Model.CallCentreStateChanged += (_, e) => Record(CtiEvents.CallCentreStateChanged, e);
        Model.CallInfoChanged += (_, e) => Record(CtiEvents.CallInfoChanged, e);
        Model.DtmfEntered += (_, e) => Record(CtiEvents.DtmfEntered, e);
    }

    public string Token { get; set; }

    public CtiModel Model { get; }

    public async Task StartAsync()
    {
        await Model.StartAsync().WaitAsync(Timeouts.Step);
        await WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot);
    }

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<(string Name, object Payload)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IEnumerable<T> All<T>(string name) => Events.Where(e => e.Name == name).Select(e => (T)e.Payload);

    /// <summary>Waits for the first event of that name, received at any time, that matches.</summary>
    public async Task<T> WaitForAsync<T>(string name, Func<T, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                foreach (var (eventName, payload) in _events)
                {
                    if (eventName == name && payload is T typed && (match is null || match(typed)))
                    {
                        return typed;
                    }
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"No '{name}' event matched within {Timeouts.Step.TotalSeconds} s. Received: {string.Join(", ", Events.Select(e => e.Name))}");
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events of that name have arrived.</summary>
    public async Task WaitForCountAsync(string name, int count)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (Events.Count(e => e.Name == name) < count)
        {
            Task arrived;
            lock (_gate)
            {
                arrived = _arrived.Task;
            }

            if (Events.Count(e => e.Name == name) >= count)
            {
                return;
            }

            await arrived.WaitAsync(timeout.Token);
        }
    }

    public Task<CallDto> WaitForCallAsync(string name, Func<CallDto, bool> match) => WaitForAsync(name, match);

    /// <summary>Forgets what was received so far, so that the next waits see only new events.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    public ValueTask DisposeAsync() => Model.DisposeAsync();

    private void Record(string name, object payload)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _events.Add((name, payload));
            arrived = _arrived;
            _arrived = NewSignal();
        }

        arrived.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
