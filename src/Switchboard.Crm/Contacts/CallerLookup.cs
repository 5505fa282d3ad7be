using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Contacts;

/// <summary>
/// Finds who a number belongs to, best first: a colleague when it is an internal line, else the
/// contacts and accounts whose numbers match it exactly (E.164), then those with the same national
/// number under another country code, then those that end in the same trailing digits.
/// </summary>
public sealed class CallerLookup(IDbContextFactory<CrmDbContext> contexts, PhoneNumberNormalizer normalizer, LineOwners lineOwners, IOptions<CrmOptions> options)
{
    public const string MatchedByExtension = "extension";
    public const string MatchedByE164 = "e164";
    public const string MatchedByNationalNumber = "nationalNumber";
    public const string MatchedByTrailingDigits = "trailingDigits";

    private const int MaxCandidates = 20;

    // Longer than any line number the store keeps; such input is not a line.
    private const int MaxLineLength = 32;

    // Rows read before ranking: a number shared by more records than this is not a useful match anyway.
    private const int MaxRowsRead = 200;

    /// <summary>How many trailing digits the last-resort match compares (<c>Crm:TrailingDigits</c>).</summary>
    public int TrailingDigitCount { get; } = options.Value.TrailingDigits;

    public async Task<IReadOnlyList<ContactCandidate>> LookupAsync(string? number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return [];
        }

        var trimmed = number.Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Control characters are never part of a line, and some stores refuse them (PostgreSQL: NUL).
        if (trimmed.Length <= MaxLineLength && !trimmed.Any(char.IsControl)
            && (await lineOwners.GetAsync(db, cancellationToken)).TryGetValue(trimmed, out var owner))
        {
            return [new ContactCandidate(null, null, null, null, MatchedByExtension) { UserId = owner.UserId, UserName = owner.DisplayName }];
        }

        return normalizer.Normalize(trimmed) is { } normalized
            ? await FindContactsAsync(db, normalized, cancellationToken)
            : [];
    }

    /// <summary>The numbers whose reversed digits start with <paramref name="reversedTail"/>: an indexed range search.</summary>
    internal static IQueryable<PhoneNumber> NumbersEndingWith(CrmDbContext db, string reversedTail)
    {
        var upper = DigitPrefix.UpperBound(reversedTail);
        return db.PhoneNumbers.AsNoTracking().Where(p => string.Compare(p.ReversedDigits, reversedTail) >= 0 && string.Compare(p.ReversedDigits, upper) < 0);
    }

    // The lookup runs for every call, so its query is compiled once: EF Core then skips translating
    // the expression on every run, which was a good part of a lookup's time on a warm database.
    // Its range is the one NumbersEndingWith makes (whose query plan the tests read). A compiled
    // query serves one model, so each instance (one per application, one engine) has its own.
    private readonly Func<CrmDbContext, string, string, string, IAsyncEnumerable<MatchedNumber>> _matchedNumbers =
        EF.CompileAsyncQuery((CrmDbContext db, string e164, string from, string to) =>
            db.PhoneNumbers.AsNoTracking()
                .Where(p => string.Compare(p.ReversedDigits, from) >= 0 && string.Compare(p.ReversedDigits, to) < 0)
                .OrderByDescending(p => p.E164 == e164)
                .Select(p => new MatchedNumber(
                    p.E164,
                    p.ReversedDigits,
                    p.ContactId,
                    p.Contact != null ? p.Contact.Name : null,
                    p.Contact != null ? p.Contact.AccountId : p.AccountId,
                    p.Contact != null ? (p.Contact.Account != null ? p.Contact.Account.Name : null) : p.Account!.Name))
                .Take(MaxRowsRead));

    private async Task<List<ContactCandidate>> FindContactsAsync(CrmDbContext db, NormalizedPhoneNumber normalized, CancellationToken cancellationToken)
    {
        // One indexed prefix search finds every kind of match: an exact match and a national-number
        // match also end in the same digits. When the national number is shorter than the trailing
        // digits compared, searching by it finds the same country-less matches and more. Which kind
        // each row is gets decided below.
        var searched = Math.Min(TrailingDigitCount, normalized.NationalNumber.Length);
        var tail = normalized.ReversedTrailingDigits(searched);
        var rows = new List<MatchedNumber>();
        await foreach (var row in _matchedNumbers(db, normalized.E164, tail, DigitPrefix.UpperBound(tail)).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return Rank(rows, normalized);
    }

    private List<ContactCandidate> Rank(List<MatchedNumber> rows, NormalizedPhoneNumber number)
    {
        var tail = number.ReversedTrailingDigits(TrailingDigitCount);
        return rows
            .Select(r => (Row: r, Tier: Classify(r, number, tail)))
            .Where(m => m.Tier is not null)
            .OrderBy(m => m.Tier!.Value)
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
                m.Tier switch
                {
                    MatchTier.E164 => MatchedByE164,
                    MatchTier.NationalNumber => MatchedByNationalNumber,
                    _ => MatchedByTrailingDigits,
                }))
            .ToList();
    }

    private static MatchTier? Classify(MatchedNumber row, NormalizedPhoneNumber number, string reversedTail)
    {
        if (string.Equals(row.E164, number.E164, StringComparison.Ordinal))
        {
            return MatchTier.E164;
        }

        if (string.Equals(PhoneNumberNormalizer.NationalNumberOf(row.E164), number.NationalNumber, StringComparison.Ordinal))
        {
            return MatchTier.NationalNumber;
        }

        return row.ReversedDigits.StartsWith(reversedTail, StringComparison.Ordinal) ? MatchTier.TrailingDigits : null;
    }

    private enum MatchTier
    {
        E164,
        NationalNumber,
        TrailingDigits,
    }

    private sealed record MatchedNumber(string E164, string ReversedDigits, Guid? ContactId, string? ContactName, Guid? AccountId, string? AccountName);
}
