using Microsoft.AspNetCore.SignalR.Client;
using Switchboard.Contracts;

namespace Switchboard.Client;

/// <summary>
/// A user's connection to the Messaging Service. Every server message of the client contract is
/// a .NET event of the same name; every command is an async method that fails with the server's
/// message when the command is refused. It reconnects by itself: <see cref="Disconnected"/> is raised,
/// and once back the server sends <see cref="Initialized"/> and a fresh <see cref="ActiveCallSnapshot"/>.
/// </summary>
public sealed partial class CtiModel : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<IDisposable> _subscriptions = [];

    public CtiModel(Uri serverUrl, Func<Task<string?>> accessTokenProvider, CtiModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        options ??= new CtiModelOptions();
        var hubUrl = new Uri(serverUrl, CtiCommands.HubPath + (options.RawMessages ? $"?{CtiCommands.RawMessagesQueryKey}=true" : string.Empty));
        _connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, options.Transports, http => http.AccessTokenProvider = accessTokenProvider)
            .WithAutomaticReconnect(new ForeverRetryPolicy(options.ReconnectDelays))
            .Build();
        _connection.Reconnecting += error =>
        {
            Disconnected?.Invoke(this, new DisconnectedEvent("server", error?.Message ?? "The connection to the server was lost."));
            return Task.CompletedTask;
        };
        _connection.Closed += error =>
        {
            Disconnected?.Invoke(this, new DisconnectedEvent("server", error?.Message ?? "The connection was closed."));
            return Task.CompletedTask;
        };
        Subscribe();
    }

    public HubConnectionState State => _connection.State;

    public Task StartAsync(CancellationToken cancellationToken = default) => _connection.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _connection.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        await _connection.DisposeAsync();
    }
}
