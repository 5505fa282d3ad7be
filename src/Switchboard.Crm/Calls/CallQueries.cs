using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Reads the call log for one user: agents see the calls of their own lines, supervisors those of
/// their own lines and their team's, administrators everyone's. A call the reader may not see is
/// reported as not found.
/// </summary>
public sealed class CallQueries(IDbContextFactory<CrmDbContext> contexts, PhoneNumberNormalizer normalizer, IOptions<CrmOptions> options)
{
    private readonly int _trailingDigits = options.Value.TrailingDigits;

    public async Task<CallLogPage> SearchAsync(CallSearch search, CrmUser reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var limit = Math.Clamp(search.Limit, 1, CallSearch.MaxLimit);
        var rows = await PageQuery(db, search, reader, limit + 1).ToListAsync(cancellationToken);

        var items = rows.Take(limit).Select(ToEntry).ToList();
        var next = rows.Count > limit ? CallCursor.After(search.Order, items[^1]).Encode() : null;
        return new CallLogPage(items, next);
    }

    /// <summary>The query of one page, at most <paramref name="rows"/> rows; tests ask the engine how it runs it.</summary>
    internal IQueryable<NamedCall> PageQuery(CrmDbContext db, CallSearch search, CrmUser reader, int rows)
    {
        var calls = Filter(VisibleTo(db, db.CallRecords.AsNoTracking(), reader), search);
        if (search.After is { } after)
        {
            calls = StrictlyAfter(calls, after);
        }

        return InOrder(WithNames(db, calls), search.Order).Take(rows);
    }

    /// <summary>
    /// Every call the search finds, in its order, up to <paramref name="maxRows"/>, read as they are
    /// written out so that a large export never sits in memory. Paging (<see cref="CallSearch.After"/>,
    /// <see cref="CallSearch.Limit"/>) does not apply.
    /// </summary>
    public async IAsyncEnumerable<CallLogEntry> ExportAsync(
        CallSearch search,
        CrmUser reader,
        int maxRows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var calls = Filter(VisibleTo(db, db.CallRecords.AsNoTracking(), reader), search);
        var rows = InOrder(WithNames(db, calls), search.Order).Take(Math.Max(0, maxRows)).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return ToEntry(row);
        }
    }

    public async Task<CallLogEntry?> FindAsync(Guid id, CrmUser reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var calls = VisibleTo(db, db.CallRecords.AsNoTracking(), reader).Where(r => r.Id == id);
        var row = await WithNames(db, calls).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Whether <paramref name="reader"/> may read the call, and the name of its recording when it has one.</summary>
    public async Task<(bool Found, string? RecordingFile)> FindRecordingAsync(Guid id, CrmUser reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await VisibleTo(db, db.CallRecords.AsNoTracking(), reader).Where(r => r.Id == id)
            .Select(r => new { r.RecordingFile })
            .ToListAsync(cancellationToken);
        return rows.Count == 0 ? (false, null) : (true, rows[0].RecordingFile);
    }

    /// <summary>The newest calls of <paramref name="user"/>'s own lines, whatever their role: the panel's history.</summary>
    public async Task<IReadOnlyList<RecentCall>> RecentAsync(CrmUser user, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Lines.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await InOrder(WithNames(db, OnLines(db.CallRecords.AsNoTracking(), user.Lines)), CallOrder.NewestFirst)
            .Take(Math.Max(1, limit))
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(row => RecentCall.From(ToEntry(row)));
    }

    /// <summary>
    /// The calls <paramref name="reader"/> may read; the one place that decides it. A supervisor's
    /// team is read as it is now: a call belongs to the team its handler is in today.
    /// </summary>
    internal static IQueryable<CallRecord> VisibleTo(CrmDbContext db, IQueryable<CallRecord> calls, CrmUser reader)
    {
        if (reader.SeesEveryCall)
        {
            return calls;
        }

        if (!reader.SeesTeamCalls)
        {
            return OnLines(calls, reader.Lines);
        }

        var lines = reader.Lines.ToList();
        var team = reader.TeamId;
        var members = db.Users.Where(u => u.TeamId == team).Select(u => (Guid?)u.Id);
        return calls.Where(r => lines.Contains(r.Line) || members.Contains(r.UserId));
    }

    private static IQueryable<CallRecord> OnLines(IQueryable<CallRecord> calls, IReadOnlyList<string> lines)
    {
        var list = lines.ToList();
        return calls.Where(r => list.Contains(r.Line));
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

        if (search.AccountId is { } accountId)
        {
            calls = calls.Where(r => r.AccountId == accountId);
        }

        if (search.AgentId is { } agentId)
        {
            calls = calls.Where(r => r.UserId == agentId);
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
            var tail = normalized.TrailingDigits(_trailingDigits);
            return calls.Where(r => r.CallerNumber.EndsWith(tail) || r.CalleeNumber.EndsWith(tail));
        }

        // An extension or anything else that is not a phone number is matched as it is.
        var exact = number.Trim();
        return calls.Where(r => r.CallerNumber == exact || r.CalleeNumber == exact);
    }

    // Strictly after the cursor in the cursor's order, ties broken by the id in the same direction.
    private static IQueryable<CallRecord> StrictlyAfter(IQueryable<CallRecord> calls, CallCursor after)
    {
        var id = after.Id;
        var started = after.StartedAt;
        var duration = (int)Math.Clamp(after.Key, int.MinValue, int.MaxValue);
        return after.Order switch
        {
            CallOrder.OldestFirst => calls.Where(r => r.StartedAt > started || (r.StartedAt == started && r.Id.CompareTo(id) > 0)),
            CallOrder.LongestFirst => calls.Where(r => r.DurationSeconds < duration || (r.DurationSeconds == duration && r.Id.CompareTo(id) < 0)),
            CallOrder.ShortestFirst => calls.Where(r => r.DurationSeconds > duration || (r.DurationSeconds == duration && r.Id.CompareTo(id) > 0)),
            _ => calls.Where(r => r.StartedAt < started || (r.StartedAt == started && r.Id.CompareTo(id) < 0)),
        };
    }

    private static IOrderedQueryable<NamedCall> InOrder(IQueryable<NamedCall> calls, CallOrder order) => order switch
    {
        CallOrder.OldestFirst => calls.OrderBy(x => x.Call.StartedAt).ThenBy(x => x.Call.Id),
        CallOrder.LongestFirst => calls.OrderByDescending(x => x.Call.DurationSeconds).ThenByDescending(x => x.Call.Id),
        CallOrder.ShortestFirst => calls.OrderBy(x => x.Call.DurationSeconds).ThenBy(x => x.Call.Id),
        _ => calls.OrderByDescending(x => x.Call.StartedAt).ThenByDescending(x => x.Call.Id),
    };

    private static IQueryable<NamedCall> WithNames(CrmDbContext db, IQueryable<CallRecord> calls) =>
        from r in calls
        join c in db.Contacts on r.ContactId equals (Guid?)c.Id into contacts
        from c in contacts.DefaultIfEmpty()
        join a in db.Accounts on r.AccountId equals (Guid?)a.Id into accounts
        from a in accounts.DefaultIfEmpty()
        join u in db.Users on r.UserId equals (Guid?)u.Id into users
        from u in users.DefaultIfEmpty()
        select new NamedCall
        {
            Call = r,
            ContactName = c != null ? c.Name : null,
            AccountName = a != null ? a.Name : null,
            UserName = u != null ? u.DisplayName : null,
        };

    private static CallLogEntry ToEntry(NamedCall x) => new(
        x.Call.Id,
        x.Call.PbxCallId,
        x.Call.Line,
        x.Call.ConversationId,
        x.Call.UserId,
        x.UserName,
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
        x.Call.UpdatedAt)
    {
        HasRecording = x.Call.RecordingFile != null,
    };

    // Member initialisers, not a constructor: EF can order by members it sees assigned.
    internal sealed class NamedCall
    {
        public required CallRecord Call { get; init; }
        public string? ContactName { get; init; }
        public string? AccountName { get; init; }
        public string? UserName { get; init; }
    }
}
