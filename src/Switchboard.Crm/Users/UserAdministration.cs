using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Users;

/// <summary>
/// Creates, changes and removes users, their roles, lines and passwords: what administrators do
/// through <c>/api/users</c>. Input is already checked (<see cref="UserInput"/>); this class keeps
/// the rules that need the store: a login names one user, a line belongs to at most one user, and
/// the last administrator stays one.
/// </summary>
public sealed class UserAdministration(
    IDbContextFactory<CrmDbContext> contexts,
    UserDirectory directory,
    LineOwners lineOwners,
    SessionStore sessions,
    IEnumerable<ISessionChangeListener> listeners)
{
    public async Task<UserChange> CreateAsync(NewUser input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LoginTakenAsync(db, input.Login, exceptUserId: null, cancellationToken))
        {
            return UserChange.Failed(UserChangeOutcome.LoginTaken);
        }

        if (await LinesOwnedByOthersAsync(db, input.Lines, userId: null, cancellationToken) is { Count: > 0 } taken)
        {
            return UserChange.Failed(UserChangeOutcome.LinesTaken, taken);
        }

        var user = new User { Id = Guid.NewGuid(), Login = input.Login, DisplayName = input.DisplayName, Role = input.Role, PasswordHash = "" };
        user.PasswordHash = UserPasswords.Hash(user, input.Password);
        user.Lines.AddRange(input.Lines.Select(number => new Line { Number = number }));
        db.Users.Add(user);
        return await SaveAsync(db, user.Id, input.Login, input.Lines, cancellationToken);
    }

    public async Task<UserChange> UpdateAsync(Guid id, UserDetails input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserChange.Failed(UserChangeOutcome.NotFound);
        }

        if (await LoginTakenAsync(db, input.Login, exceptUserId: id, cancellationToken))
        {
            return UserChange.Failed(UserChangeOutcome.LoginTaken);
        }

        var disabled = input.Disabled ?? user.Disabled;
        if (user.Role == UserRole.Administrator && !user.Disabled && (input.Role != UserRole.Administrator || disabled)
            && await IsLastAdministratorAsync(db, cancellationToken))
        {
            return UserChange.Failed(UserChangeOutcome.LastAdministrator);
        }

        var disabling = disabled && !user.Disabled;
        user.Login = input.Login;
        user.DisplayName = input.DisplayName;
        user.Role = input.Role;
        user.Disabled = disabled;
        var change = await SaveAsync(db, id, input.Login, [], cancellationToken);
        if (disabling && change.Outcome == UserChangeOutcome.Done)
        {
            // Enabling the user again later must not bring their old tokens back.
            await sessions.EndAllAsync(id, cancellationToken);
        }

        return change;
    }

    public async Task<UserChange> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserChange.Failed(UserChangeOutcome.NotFound);
        }

        if (user.Role == UserRole.Administrator && await IsLastAdministratorAsync(db, cancellationToken))
        {
            return UserChange.Failed(UserChangeOutcome.LastAdministrator);
        }

        // Their lines go with them; their calls stay in the log, which keeps no foreign key to users.
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        lineOwners.Forget();
        NotifySessionsChanged();
        return new UserChange(UserChangeOutcome.Done);
    }

    /// <summary>Makes <paramref name="lines"/> exactly the lines the user owns.</summary>
    public async Task<UserChange> SetLinesAsync(Guid id, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.Include(u => u.Lines).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserChange.Failed(UserChangeOutcome.NotFound);
        }

        if (await LinesOwnedByOthersAsync(db, lines, id, cancellationToken) is { Count: > 0 } taken)
        {
            return UserChange.Failed(UserChangeOutcome.LinesTaken, taken);
        }

        var wanted = lines.ToHashSet(StringComparer.Ordinal);
        db.Lines.RemoveRange(user.Lines.Where(l => !wanted.Contains(l.Number)));
        var owned = user.Lines.Select(l => l.Number).ToHashSet(StringComparer.Ordinal);
        db.Lines.AddRange(lines.Where(n => !owned.Contains(n)).Select(n => new Line { Number = n, UserId = id }));
        return await SaveAsync(db, id, login: null, lines, cancellationToken);
    }

    public async Task<UserChange> SetPasswordAsync(Guid id, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserChange.Failed(UserChangeOutcome.NotFound);
        }

        user.PasswordHash = UserPasswords.Hash(user, password);
        await db.SaveChangesAsync(cancellationToken);

        // The new stamp already refuses the old tokens; their sessions go too.
        await sessions.EndAllAsync(id, cancellationToken);
        NotifySessionsChanged();
        return new UserChange(UserChangeOutcome.Done);
    }

    private async Task<UserChange> SaveAsync(CrmDbContext db, Guid id, string? login, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            lineOwners.Forget();
            NotifySessionsChanged();
        }
        catch (DbUpdateException e) when (CrmDatabaseProvider.IsUniqueViolation(e))
        {
            // Another change took the login or a line between our check and our save.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            if (login is not null && await LoginTakenAsync(fresh, login, id, cancellationToken))
            {
                return UserChange.Failed(UserChangeOutcome.LoginTaken);
            }

            return UserChange.Failed(UserChangeOutcome.LinesTaken, await LinesOwnedByOthersAsync(fresh, lines, id, cancellationToken));
        }

        return new UserChange(UserChangeOutcome.Done, await directory.FindUserAsync(id, cancellationToken));
    }

    // Logins differing only in case would be told apart by the store but not by people.
    private static Task<bool> LoginTakenAsync(CrmDbContext db, string login, Guid? exceptUserId, CancellationToken cancellationToken)
    {
        var upper = login.ToUpperInvariant();
#pragma warning disable CA1862 // The store runs this: it translates ToUpper, not string.Equals with a StringComparison.
        return db.Users.AnyAsync(u => u.Login.ToUpper() == upper && u.Id != exceptUserId, cancellationToken);
#pragma warning restore CA1862
    }

    private static async Task<List<string>> LinesOwnedByOthersAsync(CrmDbContext db, IReadOnlyList<string> lines, Guid? userId, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var numbers = lines.ToList();
        return await db.Lines
            .Where(l => numbers.Contains(l.Number) && l.UserId != userId)
            .OrderBy(l => l.Number)
            .Select(l => l.Number)
            .ToListAsync(cancellationToken);
    }

    private static async Task<bool> IsLastAdministratorAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        await db.Users.CountAsync(u => u.Role == UserRole.Administrator && !u.Disabled, cancellationToken) <= 1;

    // Open hub connections of a changed user are judged again at once: closed or narrowed.
    private void NotifySessionsChanged()
    {
        foreach (var listener in listeners)
        {
            listener.SessionsChanged();
        }
    }
}

/// <summary>A user to create, checked.</summary>
public sealed record NewUser(string Login, string DisplayName, UserRole Role, string Password, IReadOnlyList<string> Lines);

/// <summary>What <c>PUT /api/users/{id}</c> sets, checked; <see cref="Disabled"/> null keeps it as it is.</summary>
public sealed record UserDetails(string Login, string DisplayName, UserRole Role)
{
    public bool? Disabled { get; init; }
}

public enum UserChangeOutcome
{
    Done,
    NotFound,
    LoginTaken,
    LinesTaken,
    LastAdministrator,
}

/// <summary>How a change of users went: the user as stored after it, or why it was not made.</summary>
public sealed record UserChange(UserChangeOutcome Outcome, CrmUser? User = null, IReadOnlyList<string>? TakenLines = null)
{
    public static UserChange Failed(UserChangeOutcome outcome, IReadOnlyList<string>? takenLines = null) => new(outcome, null, takenLines);
}
