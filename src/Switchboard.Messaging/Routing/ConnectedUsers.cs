using System.Collections.Concurrent;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.Routing;

/// <summary>The users with at least one open connection, so that a resync can send each of them a fresh snapshot.</summary>
public sealed class ConnectedUsers
{
    private readonly ConcurrentDictionary<Guid, (MessagingUser User, int Connections)> _users = new();

    public void Add(MessagingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users.AddOrUpdate(user.Id, (user, 1), (_, entry) => (user, entry.Connections + 1));
    }

    public void Remove(Guid userId)
    {
        while (_users.TryGetValue(userId, out var entry))
        {
            var updated = entry.Connections <= 1
                ? _users.TryRemove(new KeyValuePair<Guid, (MessagingUser, int)>(userId, entry))
                : _users.TryUpdate(userId, (entry.User, entry.Connections - 1), entry);
            if (updated)
            {
                return;
            }
        }
    }

    public IReadOnlyList<MessagingUser> All() => [.. _users.Values.Select(e => e.User)];
}
