using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Contacts;

/// <summary>Finds the contacts and accounts that a caller's number belongs to, best first.</summary>
public sealed class CallerLookup(IDbContextFactory<CrmDbContext> contexts, PhoneNumberNormalizer normalizer)
{
    public const string MatchedByE164 = "e164";
    public const string MatchedByTrailingDigits = "trailingDigits";

    /// <summary>The national number of most countries; enough to tell numbers apart, short enough to ignore how the country code was written.</summary>
    public const int TrailingDigitCount = 10;

    private const int MaxCandidates = 20;

    // Rows read before ranking: a number shared by more records than this is not a useful match anyway.
    private const int MaxRowsRead = 200;

    public async Task<IReadOnlyList<ContactCandidate>> LookupAsync(string? number, CancellationToken cancellationToken)
    {
        var normalized = normalizer.Normalize(number);
        if (normalized is null)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trimmed = number!.Trim();
        if (await db.Lines.AnyAsync(l => l.Number == trimmed, cancellationToken))
        {
            return [];
        }

        // One indexed prefix search finds both kinds of match: an exact E.164 match also has the
        // same trailing digits. Which kind each row is gets decided below.
        var tail = normalized.ReversedTrailingDigits(TrailingDigitCount);
        var e164 = normalized.E164;
        var rows = await NumbersEndingWith(db, tail)
            .OrderByDescending(p => p.E164 == e164)
            .Select(p => new MatchedNumber(
                p.E164,
                p.ContactId,
                p.Contact != null ? p.Contact.Name : null,
                p.Contact != null ? p.Contact.AccountId : p.AccountId,
                p.Contact != null ? (p.Contact.Account != null ? p.Contact.Account.Name : null) : p.Account!.Name))
            .Take(MaxRowsRead)
            .ToListAsync(cancellationToken);

        return Rank(rows, e164);
    }

    /// <summary>The numbers whose reversed digits start with <paramref name="reversedTail"/>: an indexed range search.</summary>
    internal static IQueryable<PhoneNumber> NumbersEndingWith(CrmDbContext db, string reversedTail)
    {
        var numbers = db.PhoneNumbers.AsNoTracking().Where(p => string.Compare(p.ReversedDigits, reversedTail) >= 0);
        return DigitPrefix.Next(reversedTail) is { } next
            ? numbers.Where(p => string.Compare(p.ReversedDigits, next) < 0)
            : numbers;
    }

    private static List<ContactCandidate> Rank(List<MatchedNumber> rows, string e164) =>
        rows
            .Select(r => (Row: r, Exact: string.Equals(r.E164, e164, StringComparison.Ordinal)))
            .OrderByDescending(m => m.Exact)
            .ThenBy(m => m.Row.ContactId is null) // a person before a switchboard number
            .ThenBy(m => m.Row.ContactName ?? m.Row.AccountName, StringComparer.Ordinal)
            .ThenBy(m => m.Row.ContactId ?? m.Row.AccountId)
            .DistinctBy(m => (m.Row.ContactId, m.Row.AccountId)) // keeps a record's best match only
            .Take(MaxCandidates)
            .Select(m => new ContactCandidate(
                m.Row.ContactId,
                m.Row.ContactName,
                m.Row.AccountId,
                m.Row.AccountName,
                m.Exact ? MatchedByE164 : MatchedByTrailingDigits))
            .ToList();

    private sealed record MatchedNumber(string E164, Guid? ContactId, string? ContactName, Guid? AccountId, string? AccountName);
}
