using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Contacts;

/// <summary>
/// Finds contacts and accounts to call: by a number in any format (the caller lookup's indexed
/// search) or by a part of their name, with every number they have, for the panel's click-to-call.
/// </summary>
public sealed class ContactDirectory(IDbContextFactory<CrmDbContext> contexts, CallerLookup lookup)
{
    public const int MaxResults = 50;
    public const int MinSearchLength = 2;
    public const int MaxSearchLength = 100;

    public async Task<IReadOnlyList<ContactCard>> SearchAsync(string search, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        limit = Math.Clamp(limit, 1, MaxResults);
        var text = search.Trim();
        var byNumber = text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');
        if (byNumber)
        {
            var candidates = await lookup.LookupAsync(text, cancellationToken);
            var contactIds = candidates.Select(c => c.ContactId).OfType<Guid>().ToList();
            var accountIds = candidates.Where(c => c.ContactId is null).Select(c => c.AccountId).OfType<Guid>().ToList();
            return await CardsAsync(c => contactIds.Contains(c.Id), a => accountIds.Contains(a.Id), limit, cancellationToken);
        }

        // A name: a case-insensitive part of it. This reads the names, not an index; the limit keeps the answer small.
        var upper = text.ToUpperInvariant();
#pragma warning disable CA1862 // The store runs this: it translates ToUpper, not string.Contains with a StringComparison.
        return await CardsAsync(c => c.Name.ToUpper().Contains(upper), a => a.Name.ToUpper().Contains(upper), limit, cancellationToken);
#pragma warning restore CA1862
    }

    private async Task<IReadOnlyList<ContactCard>> CardsAsync(
        System.Linq.Expressions.Expression<Func<Contact, bool>> contacts,
        System.Linq.Expressions.Expression<Func<Account, bool>> accounts,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await db.Contacts.AsNoTracking()
            .Where(contacts)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new ContactCard(
                c.Id,
                c.Name,
                c.AccountId,
                c.Account != null ? c.Account.Name : null,
                c.PhoneNumbers.OrderBy(p => p.Kind).ThenBy(p => p.E164).Select(p => new ContactPhone(p.Kind, p.Raw, p.E164)).ToList()))
            .ToListAsync(cancellationToken);
        var companies = await db.Accounts.AsNoTracking()
            .Where(accounts)
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Take(limit)
            .Select(a => new ContactCard(
                null,
                null,
                a.Id,
                a.Name,
                a.PhoneNumbers.OrderBy(p => p.Kind).ThenBy(p => p.E164).Select(p => new ContactPhone(p.Kind, p.Raw, p.E164)).ToList()))
            .ToListAsync(cancellationToken);
        return [.. people.Concat(companies).Take(limit)];
    }
}

/// <summary>A contact (with their account) or an account alone, and the numbers to call them on.</summary>
public sealed record ContactCard(Guid? ContactId, string? ContactName, Guid? AccountId, string? AccountName, IReadOnlyList<ContactPhone> Phones);

/// <summary>A number as it was typed (<see cref="Number"/>) and as E.164.</summary>
public sealed record ContactPhone(PhoneKind Kind, string Number, string E164);
