using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Switchboard.Contracts;

namespace Switchboard.Testing;

/// <summary>
/// A bare SignalR connection to the hub, with no reconnection of its own, that writes down the
/// events it gets and whether the server closed it: for tests of how long a connection may live.
/// </summary>
public sealed class HubProbe : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonElement> _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _errors = [];

    private HubProbe(Uri server, string token, Action<HttpConnectionOptions>? configure)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, CtiCommands.HubPath), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                configure?.Invoke(options);
            })
            .Build();
        _connection.On<JsonElement>(CtiEvents.Initialized, e => _initialized.TrySetResult(e));
        _connection.On<JsonElement>(CtiEvents.Error, e =>
        {
            lock (_gate)
            {
                _errors.Add(e);
            }
        });
        _connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection => _connection;

    /// <summary>The <c>initialized</c> event the server sent on connecting.</summary>
    public Task<JsonElement> Initialized => _initialized.Task;

    /// <summary>Completes when the connection has closed, with the reason SignalR gave.</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>The codes of the <c>error</c> events received so far.</summary>
    public IReadOnlyList<string> ErrorCodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors.Select(e => e.GetProperty("code").GetString() ?? "")];
            }
        }
    }

    /// <summary>Connects and waits for <c>initialized</c>.</summary>
    public static async Task<HubProbe> OpenAsync(Uri server, string token, Action<HttpConnectionOptions>? configure = null)
    {
        var probe = new HubProbe(server, token, configure);
        await probe._connection.StartAsync().WaitAsync(Timeouts.Step);
        await probe.Initialized.WaitAsync(Timeouts.Step);
        return probe;
    }

    /// <summary>Waits for the server to close the connection; a timeout fails the test.</summary>
    public async Task WaitClosedAsync(TimeSpan? within = null) => await Closed.WaitAsync(within ?? Timeouts.Step);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
