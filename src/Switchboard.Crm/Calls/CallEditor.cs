using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>
/// What users change on a call after the fact: the contact or account it is linked to, and its
/// comment. A user changes only calls they may read (<see cref="CallQueries.VisibleTo"/>).
/// </summary>
public sealed class CallEditor(
    IDbContextFactory<CrmDbContext> contexts,
    CallQueries queries,
    IEnumerable<ICallLinkListener> listeners,
    TimeProvider time)
{
    /// <summary>How a candidate that a user chose by hand says it matched.</summary>
    public const string MatchedByHand = "manual";

    public const int MaxCommentLength = 2000;

    /// <summary>
    /// Links the call to a contact, an account, or both. A contact alone brings its account along.
    /// Null when the call does not exist for <paramref name="user"/>; the caller has checked that
    /// the contact and account exist (<see cref="FindLinkTargetAsync"/>).
    /// </summary>
    public async Task<CallLogEntry?> LinkAsync(Guid callId, LinkTarget target, CrmUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(user);
        CallKey key;
        bool active;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await CallQueries.VisibleTo(db, db.CallRecords, user).SingleOrDefaultAsync(r => r.Id == callId, cancellationToken);
            if (row is null)
            {
                return null;
            }

            row.ContactId = target.ContactId;
            row.AccountId = target.AccountId;
            row.LinkedManually = true;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            key = new CallKey(row.PbxCallId, row.Line);
            active = row.State != CallState.Finished;
        }

        if (active)
        {
            foreach (var listener in listeners)
            {
                await listener.CallLinkedAsync(
                    key.PbxCallId, key.Line, target.ContactId, target.ContactName, target.AccountId, target.AccountName, cancellationToken);
            }
        }

        return await queries.FindAsync(callId, user, cancellationToken);
    }

    /// <summary>Sets or clears (null) the call's comment; null when the call does not exist for <paramref name="user"/>.</summary>
    public async Task<CallLogEntry?> CommentAsync(Guid callId, string? comment, CrmUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (comment?.Length > MaxCommentLength)
        {
            throw new ArgumentException($"A comment holds at most {MaxCommentLength} characters.", nameof(comment));
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var updated = await CallQueries.VisibleTo(db, db.CallRecords, user)
                .Where(r => r.Id == callId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, comment).SetProperty(r => r.UpdatedAt, time.GetUtcNow()), cancellationToken);
            if (updated == 0)
            {
                return null;
            }
        }

        return await queries.FindAsync(callId, user, cancellationToken);
    }

    /// <summary>
    /// The contact and account named by a link request, with their names; a contact given alone
    /// brings its own account. Reports which of the two does not exist.
    /// </summary>
    public async Task<(LinkTarget? Target, bool ContactMissing, bool AccountMissing)> FindLinkTargetAsync(
        Guid? contactId, Guid? accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contact = contactId is { } cid
            ? await db.Contacts.AsNoTracking()
                .Where(c => c.Id == cid)
                .Select(c => new { c.Id, c.Name, c.AccountId, AccountName = c.Account != null ? c.Account.Name : null })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var account = accountId is { } aid
            ? await db.Accounts.AsNoTracking().Where(a => a.Id == aid).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var contactMissing = contactId is not null && contact is null;
        var accountMissing = accountId is not null && account is null;
        if (contactMissing || accountMissing)
        {
            return (null, contactMissing, accountMissing);
        }

        var target = account is not null
            ? new LinkTarget(contact?.Id, contact?.Name, account.Id, account.Name)
            : new LinkTarget(contact?.Id, contact?.Name, contact?.AccountId, contact?.AccountName);
        return (target, false, false);
    }
}

/// <summary>What a call gets linked to, with the names the panel shows.</summary>
public sealed record LinkTarget(Guid? ContactId, string? ContactName, Guid? AccountId, string? AccountName);
