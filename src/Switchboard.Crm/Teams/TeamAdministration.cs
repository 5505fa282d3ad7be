using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Teams;

/// <summary>
/// Teams and who is in them: what administrators do through <c>/api/teams</c> and
/// <c>/api/users/{id}/team</c>. A team's name names one team, whatever its letters' case.
/// </summary>
public sealed class TeamAdministration(IDbContextFactory<CrmDbContext> contexts, UserDirectory directory, IEnumerable<ISessionChangeListener> listeners)
{
    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<TeamView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Views(db.Teams).ToListAsync(cancellationToken);
    }

    public async Task<TeamView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Views(db.Teams.Where(t => t.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<(TeamOutcome Outcome, TeamView? Team)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await NameTakenAsync(db, name, exceptTeamId: null, cancellationToken))
        {
            return (TeamOutcome.NameTaken, null);
        }

        var team = new Team { Id = Guid.NewGuid(), Name = name };
        db.Teams.Add(team);
        return await SaveAsync(db, team.Id, cancellationToken);
    }

    public async Task<(TeamOutcome Outcome, TeamView? Team)> RenameAsync(Guid id, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return (TeamOutcome.NotFound, null);
        }

        if (await NameTakenAsync(db, name, exceptTeamId: id, cancellationToken))
        {
            return (TeamOutcome.NameTaken, null);
        }

        team.Name = name;
        return await SaveAsync(db, id, cancellationToken);
    }

    /// <summary>Removes the team; its members stay, in no team, and their calls stay in the log.</summary>
    public async Task<TeamOutcome> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return TeamOutcome.NotFound;
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(cancellationToken);
        NotifySessionsChanged();
        return TeamOutcome.Done;
    }

    /// <summary>Puts the user in the team, or in none (<paramref name="teamId"/> null).</summary>
    public async Task<(TeamOutcome Outcome, CrmUser? User)> SetUserTeamAsync(Guid userId, Guid? teamId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return (TeamOutcome.NotFound, null);
        }

        if (teamId is { } id && !await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return (TeamOutcome.NoSuchTeam, null);
        }

        user.TeamId = teamId;
        await db.SaveChangesAsync(cancellationToken);
        NotifySessionsChanged();
        return (TeamOutcome.Done, await directory.FindUserAsync(userId, cancellationToken));
    }

    // A supervisor's team lines changed: their open hub connections are judged again at once.
    private void NotifySessionsChanged()
    {
        foreach (var listener in listeners)
        {
            listener.SessionsChanged();
        }
    }

    private async Task<(TeamOutcome, TeamView?)> SaveAsync(CrmDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (CrmDatabaseProvider.IsUniqueViolation(e))
        {
            // Another change took the name between our check and our save.
            return (TeamOutcome.NameTaken, null);
        }

        return (TeamOutcome.Done, await FindAsync(id, cancellationToken));
    }

    private static Task<bool> NameTakenAsync(CrmDbContext db, string name, Guid? exceptTeamId, CancellationToken cancellationToken)
    {
        var upper = name.ToUpperInvariant();
#pragma warning disable CA1862 // The store runs this: it translates ToUpper, not string.Equals with a StringComparison.
        return db.Teams.AnyAsync(t => t.Name.ToUpper() == upper && t.Id != exceptTeamId, cancellationToken);
#pragma warning restore CA1862
    }

    private static IQueryable<TeamView> Views(IQueryable<Team> teams) =>
        teams
            .AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamView(
                t.Id,
                t.Name,
                t.Members.OrderBy(m => m.Login).Select(m => new TeamMember(m.Id, m.Login, m.DisplayName, m.Role)).ToList()));
}

/// <summary>A team and its members, as the API shows it.</summary>
public sealed record TeamView(Guid Id, string Name, IReadOnlyList<TeamMember> Members);

public sealed record TeamMember(Guid Id, string Login, string DisplayName, UserRole Role);

public enum TeamOutcome
{
    Done,
    NotFound,
    NameTaken,
    NoSuchTeam,
}
