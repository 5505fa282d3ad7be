using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Users;

/// <summary>
/// Sets each user's <see cref="PhoneStyle"/>. The web phone needs the user's SIP account, and
/// removing that account (<see cref="SipAccounts.SipAccountStore.RemoveAsync"/>) puts the user back
/// on the third-party style: both lock the user's row first, so they take turns and no user is
/// left with a web phone and no account.
/// </summary>
public sealed class PhoneStyles(IDbContextFactory<CrmDbContext> contexts, UserDirectory directory, IEnumerable<Auth.ISessionChangeListener> listeners)
{
    public async Task<PhoneStyleChange> SetAsync(Guid userId, PhoneStyle style, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await LockUserAsync(db, userId, cancellationToken) == 0)
            {
                return new PhoneStyleChange(PhoneStyleChangeOutcome.NotFound);
            }

            if (style == PhoneStyle.WebPhone && !await db.SipAccounts.AnyAsync(a => a.UserId == userId, cancellationToken))
            {
                return new PhoneStyleChange(PhoneStyleChangeOutcome.NoSipAccount);
            }

            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneStyle, style), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The user as the judge keeps them is now out of date.
        foreach (var listener in listeners)
        {
            listener.SessionsChanged();
        }

        return await directory.FindUserAsync(userId, cancellationToken) is { } user
            ? new PhoneStyleChange(PhoneStyleChangeOutcome.Done, user)
            : new PhoneStyleChange(PhoneStyleChangeOutcome.NotFound);
    }

    /// <summary>
    /// Writes the user's row unchanged inside the caller's transaction: PostgreSQL then holds the
    /// row's lock, SQLite its write lock, until the transaction ends. Zero when there is no such user.
    /// </summary>
    internal static Task<int> LockUserAsync(CrmDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneStyle, u => u.PhoneStyle), cancellationToken);
}

public enum PhoneStyleChangeOutcome
{
    Done,
    NotFound,
    NoSipAccount,
}

/// <summary>How a change of phone style went: the user as stored after it, or why it was not made.</summary>
public sealed record PhoneStyleChange(PhoneStyleChangeOutcome Outcome, CrmUser? User = null);
