using System.Collections.Concurrent;

namespace Switchboard.Messaging.Sessions;

/// <summary>Every open hub connection of this node, so that <see cref="SessionWatch"/> can judge them again.</summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(LiveConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.Context.ConnectionId] = connection;
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyList<LiveConnection> All() => [.. _connections.Values];
}
