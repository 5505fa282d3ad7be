using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Reads the call log for one user: agents see the calls of their own lines, supervisors and
/// administrators everyone's. A call the reader may not see is reported as not found.
/// </summary>
public sealed class CallQueries(IDbContextFactory<CrmDbContext> contexts, PhoneNumberNormalizer normalizer)
{
    public async Task<CallLogPage> SearchAsync(CallSearch search, CrmUser reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var calls = Filter(VisibleTo(db.CallRecords.AsNoTracking(), reader), search);
        if (search.After is { } after)
        {
            // Strictly after the cursor in the order below: older, or as old with a smaller id.
            calls = calls.Where(r => r.StartedAt < after.StartedAt || (r.StartedAt == after.StartedAt && r.Id.CompareTo(after.Id) < 0));
        }

        var limit = Math.Clamp(search.Limit, 1, CallSearch.MaxLimit);
        var rows = await WithNames(db, calls)
            .OrderByDescending(x => x.Call.StartedAt)
            .ThenByDescending(x => x.Call.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);

        var items = rows.Take(limit).Select(ToEntry).ToList();
        var next = rows.Count > limit ? new CallCursor(items[^1].StartedAt, items[^1].Id).Encode() : null;
        return new CallLogPage(items, next);
    }

    public async Task<CallLogEntry?> FindAsync(Guid id, CrmUser reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var calls = VisibleTo(db.CallRecords.AsNoTracking(), reader).Where(r => r.Id == id);
        var row = await WithNames(db, calls).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    private static IQueryable<CallRecord> VisibleTo(IQueryable<CallRecord> calls, CrmUser reader)
    {
        if (reader.SeesAllLines)
        {
            return calls;
        }

        var lines = reader.Lines.ToList();
        return calls.Where(r => lines.Contains(r.Line));
    }

    private IQueryable<CallRecord> Filter(IQueryable<CallRecord> calls, CallSearch search)
    {
        if (search.From is { } from)
        {
            calls = calls.Where(r => r.StartedAt >= from);
        }

        if (search.To is { } to)
        {
            calls = calls.Where(r => r.StartedAt < to);
        }

        if (search.Direction is { } direction)
        {
            calls = calls.Where(r => r.Direction == direction);
        }

        if (search.Result is { } result)
        {
            calls = calls.Where(r => r.EndReason == result);
        }

        if (search.ContactId is { } contactId)
        {
            calls = calls.Where(r => r.ContactId == contactId);
        }

        if (!string.IsNullOrWhiteSpace(search.Number))
        {
            calls = FilterByNumber(calls, search.Number);
        }

        return calls;
    }

    private IQueryable<CallRecord> FilterByNumber(IQueryable<CallRecord> calls, string number)
    {
        // The PBX writes numbers as it got them (8495..., +7495..., 7495...): all end in the same national digits.
        if (normalizer.Normalize(number) is { } normalized)
        {
            var tail = normalized.TrailingDigits(CallerLookup.TrailingDigitCount);
            return calls.Where(r => r.CallerNumber.EndsWith(tail) || r.CalleeNumber.EndsWith(tail));
        }

        // An extension or anything else that is not a phone number is matched as it is.
        var exact = number.Trim();
        return calls.Where(r => r.CallerNumber == exact || r.CalleeNumber == exact);
    }

    private static IQueryable<NamedCall> WithNames(CrmDbContext db, IQueryable<CallRecord> calls) =>
        from r in calls
        join c in db.Contacts on r.ContactId equals (Guid?)c.Id into contacts
        from c in contacts.DefaultIfEmpty()
        join a in db.Accounts on r.AccountId equals (Guid?)a.Id into accounts
        from a in accounts.DefaultIfEmpty()
        select new NamedCall { Call = r, ContactName = c != null ? c.Name : null, AccountName = a != null ? a.Name : null };

    private static CallLogEntry ToEntry(NamedCall x) => new(
        x.Call.Id,
        x.Call.PbxCallId,
        x.Call.Line,
        x.Call.ConversationId,
        x.Call.UserId,
        x.Call.Direction,
        x.Call.CallerNumber,
        x.Call.CallerName,
        x.Call.CalleeNumber,
        x.Call.RedirectedFrom,
        x.Call.RedirectedTo,
        x.Call.State,
        x.Call.StartedAt,
        x.Call.AnsweredAt,
        x.Call.EndedAt,
        x.Call.TimeBeforeConnectionSeconds,
        x.Call.DurationSeconds,
        x.Call.TalkSeconds,
        x.Call.HoldSeconds,
        x.Call.EndReason,
        x.Call.ParentPbxCallId,
        x.Call.ParentCallId,
        x.Call.ContactId,
        x.ContactName,
        x.Call.AccountId,
        x.AccountName,
        x.Call.Comment,
        x.Call.UpdatedAt);

    // Member initialisers, not a constructor: EF can order by members it sees assigned.
    private sealed class NamedCall
    {
        public required CallRecord Call { get; init; }
        public string? ContactName { get; init; }
        public string? AccountName { get; init; }
    }
}
