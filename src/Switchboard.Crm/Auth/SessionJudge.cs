using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Auth;

/// <summary>
/// The one place that decides whether a signed, unexpired token is still good: its user exists and
/// is not disabled, its security stamp is the user's current one (no change of login, role or
/// password since), and its session has not ended (logout) or expired. Every way in asks it: each
/// HTTP request and the hub's negotiate and connect (through the bearer and cookie schemes), token
/// refresh, and the hub's regular re-judging of open connections, many at once.
/// </summary>
/// <remarks>
/// A request's judgement is kept for <see cref="AuthOptions.SessionCacheTime"/>, so that a panel's
/// burst of requests, or a hub's negotiate and connect, cost the database one judgement. Every
/// change made through this process (<see cref="ISessionChangeListener"/>) forgets them all at
/// once; a change made by another CRM process is seen within that time. The hub's re-judging of
/// open connections always reads the database.
/// </remarks>
public sealed class SessionJudge(IDbContextFactory<CrmDbContext> contexts, UserDirectory users, TimeProvider time, IOptions<AuthOptions> options)
    : ISessionChangeListener
{
    // Keeps each IN (...) list of a batch judgement well inside SQLite's and PostgreSQL's limits.
    private const int BatchSize = 500;

    // Past this many kept judgements they are all forgotten, rather than one sweep per request.
    private const int MaxKept = 100_000;

    private readonly ConcurrentDictionary<Guid, Judgement> _kept = new();
    private readonly TimeSpan _keepFor = options.Value.SessionCacheTime > TimeSpan.Zero ? options.Value.SessionCacheTime : TimeSpan.Zero;
    private long _generation;

    /// <summary>The user of a token's session as stored now (or a moment ago); null when the token is no longer good.</summary>
    public async Task<CrmUser?> JudgeAsync(SessionKey key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_kept.TryGetValue(key.SessionId, out var kept) && kept.Generation == generation && kept.Until > now && kept.Key == key)
        {
            return kept.User;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == key.SessionId && s.ExpiresAt > now)
            .Select(s => new { s.UserId, s.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        var user = session is not null && session.UserId == key.UserId ? await users.FindUserAsync(session.UserId, cancellationToken) : null;
        if (user is null || !IsGood(user, key))
        {
            _kept.TryRemove(key.SessionId, out _);
            return null;
        }

        if (_keepFor > TimeSpan.Zero)
        {
            if (_kept.Count >= MaxKept)
            {
                _kept.Clear();
            }

            // Kept under the generation it was read in: a change meanwhile makes it stale at once.
            var until = now + _keepFor < session!.ExpiresAt ? now + _keepFor : session.ExpiresAt;
            _kept[key.SessionId] = new Judgement(key, user, generation, until);
        }

        return user;
    }

    /// <summary>The sessions among <paramref name="sessions"/> that are still good, by session id, each with its user as stored now.</summary>
    public async Task<IReadOnlyDictionary<Guid, CrmUser>> JudgeAsync(IReadOnlyCollection<SessionKey> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var good = new Dictionary<Guid, CrmUser>();
        foreach (var batch in sessions.DistinctBy(s => s.SessionId).Chunk(BatchSize))
        {
            var live = await LiveSessionOwnersAsync([.. batch.Select(s => s.SessionId)], cancellationToken);
            var owners = await users.FindUsersAsync([.. live.Values.Distinct()], cancellationToken);
            foreach (var key in batch)
            {
                if (live.TryGetValue(key.SessionId, out var ownerId)
                    && ownerId == key.UserId
                    && owners.TryGetValue(ownerId, out var user)
                    && IsGood(user, key))
                {
                    good[key.SessionId] = user;
                }
            }
        }

        return good;
    }

    /// <summary>A session ended or a user changed: every kept judgement is forgotten.</summary>
    public void SessionsChanged()
    {
        Interlocked.Increment(ref _generation);
        _kept.Clear();
    }

    private static bool IsGood(CrmUser user, SessionKey key) =>
        !user.Disabled && string.Equals(user.SecurityStamp, key.Stamp, StringComparison.Ordinal);

    private async Task<Dictionary<Guid, Guid>> LiveSessionOwnersAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.ExpiresAt > now)
            .ToDictionaryAsync(s => s.Id, s => s.UserId, cancellationToken);
    }

    private sealed record Judgement(SessionKey Key, CrmUser User, long Generation, DateTimeOffset Until);
}
