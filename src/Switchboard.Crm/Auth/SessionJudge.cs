using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
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
public sealed class SessionJudge(IDbContextFactory<CrmDbContext> contexts, UserDirectory users, TimeProvider time)
{
    // Keeps each IN (...) list of a batch judgement well inside SQLite's and PostgreSQL's limits.
    private const int BatchSize = 500;

    /// <summary>The user of a validated token's principal, as stored now; null when the token is no longer good.</summary>
    public async Task<CrmUser?> JudgeAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is SignedInIdentity judged)
        {
            return judged.User;
        }

        return SessionKey.From(principal) is { } key
            && (await JudgeAsync([key], cancellationToken)).TryGetValue(key.SessionId, out var user)
            ? user
            : null;
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
                    && !user.Disabled
                    && string.Equals(user.SecurityStamp, key.Stamp, StringComparison.Ordinal))
                {
                    good[key.SessionId] = user;
                }
            }
        }

        return good;
    }

    private async Task<Dictionary<Guid, Guid>> LiveSessionOwnersAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.ExpiresAt > now)
            .ToDictionaryAsync(s => s.Id, s => s.UserId, cancellationToken);
    }
}
