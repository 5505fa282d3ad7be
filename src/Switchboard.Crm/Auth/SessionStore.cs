using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Auth;

/// <summary>
/// Sign-ins kept server-side (<see cref="Session"/>): login starts one, refresh moves its expiry
/// on, logout ends it. Ended and expired sessions are deleted, so the table holds only live ones.
/// </summary>
public sealed class SessionStore(IDbContextFactory<CrmDbContext> contexts, TimeProvider time, IEnumerable<ISessionChangeListener> listeners)
{
    // Expired rows are swept on login, at most this often: a burst of logins sweeps once.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private long _nextSweepTicks;

    /// <summary>Keeps a new session, live until <paramref name="expiresAt"/> (its token's expiry).</summary>
    public async Task StartAsync(Guid sessionId, Guid userId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(new Session { Id = sessionId, UserId = userId, CreatedAt = time.GetUtcNow(), ExpiresAt = expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await SweepExpiredAsync(db, cancellationToken);
    }

    /// <summary>Moves a live session's expiry on; false when it has ended meanwhile.</summary>
    public async Task<bool> ExtendAsync(Guid sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.Sessions
            .Where(s => s.Id == sessionId && s.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);
        return changed == 1;
    }

    /// <summary>Ends a session: every token of it is refused from now on, and open hub connections of it close.</summary>
    public async Task EndAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            foreach (var listener in listeners)
            {
                listener.SessionsChanged();
            }
        }
    }

    /// <summary>Ends every session of a user (disabled, or their password changed).</summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SweepExpiredAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, next) != next)
        {
            return;
        }

        await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
