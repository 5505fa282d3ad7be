using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Users;

/// <summary>Who the users are and which lines each owns; the Messaging Service routes events by it.</summary>
public sealed class UserDirectory(IDbContextFactory<CrmDbContext> contexts)
{
    public async Task<CrmUser?> FindUserAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await ToCrmUsers(db, db.Users.Where(u => u.Id == id), cancellationToken);
        return users.Count > 0 ? users[0] : null;
    }

    /// <summary>The users among <paramref name="ids"/> that exist, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, CrmUser>> FindUsersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, CrmUser>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wanted = ids.ToList();
        var users = await ToCrmUsers(db, db.Users.Where(u => wanted.Contains(u.Id)), cancellationToken);
        return users.ToDictionary(u => u.Id);
    }

    public async Task<CrmUser?> FindByLoginAsync(string login, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await ToCrmUsers(db, db.Users.Where(u => u.Login == login), cancellationToken);
        return users.Count > 0 ? users[0] : null;
    }

    /// <summary>Every user, by login.</summary>
    public async Task<IReadOnlyList<CrmUser>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ToCrmUsers(db, db.Users, cancellationToken);
    }

    /// <summary>The users who own <paramref name="line"/>: none for a line nobody owns.</summary>
    public async Task<IReadOnlyList<CrmUser>> FindLineOwnersAsync(string line, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ToCrmUsers(db, db.Users.Where(u => u.Lines.Any(l => l.Number == line)), cancellationToken);
    }

    private static async Task<List<CrmUser>> ToCrmUsers(CrmDbContext db, IQueryable<User> users, CancellationToken cancellationToken)
    {
        var rows = await users
            .AsNoTracking()
            .OrderBy(u => u.Login)
            .Select(u => new
            {
                u.Id,
                u.Login,
                u.DisplayName,
                u.Role,
                u.PasswordHash,
                u.TeamId,
                u.PhoneStyle,
                u.Disabled,
                TeamName = u.Team != null ? u.Team.Name : null,
                Lines = u.Lines.OrderBy(l => l.Number).Select(l => l.Number).ToList(),
            })
            .ToListAsync(cancellationToken);

        // A supervisor watches and listens to the lines of their team's members.
        var supervisedTeams = rows.Where(u => u.Role == UserRole.Supervisor).Select(u => u.TeamId).OfType<Guid>().Distinct().ToList();
        var teamLines = supervisedTeams.Count == 0
            ? []
            : (await db.Lines.AsNoTracking()
                .Where(l => l.User!.TeamId != null && supervisedTeams.Contains(l.User.TeamId.Value))
                .Select(l => new { TeamId = l.User!.TeamId!.Value, l.Number })
                .ToListAsync(cancellationToken))
                .GroupBy(l => l.TeamId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(l => l.Number).Order(StringComparer.Ordinal)]);
        return rows.ConvertAll(u => new CrmUser(u.Id, u.Login, u.DisplayName, u.Role, u.Lines)
        {
            SecurityStamp = SecurityStamps.Compute(u.Id, u.Login, u.Role, u.PasswordHash),
            TeamId = u.TeamId,
            TeamName = u.TeamName,
            PhoneStyle = u.PhoneStyle,
            Disabled = u.Disabled,
            TeamLines = u.Role == UserRole.Supervisor && u.TeamId is { } team && teamLines.TryGetValue(team, out var lines) ? lines : [],
        });
    }
}
