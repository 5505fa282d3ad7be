using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Demo;

/// <summary>Writes <see cref="DemoData"/> into a database that has no users yet.</summary>
internal static class DemoSeeder
{
    /// <summary>True when it seeded; false when the database already had users, which it leaves alone.</summary>
    public static async Task<bool> SeedIfEmptyAsync(CrmDbContext db, PhoneNumberNormalizer normalizer, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var teams = DemoData.Users
            .Select(u => u.Team)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => new Team { Id = Guid.NewGuid(), Name = name }, StringComparer.Ordinal);
        db.Teams.AddRange(teams.Values);
        foreach (var demo in DemoData.Users)
        {
            var user = new User { Id = Guid.NewGuid(), Login = demo.Login, DisplayName = demo.DisplayName, Role = demo.Role, PasswordHash = "" };
            user.Team = demo.Team is null ? null : teams[demo.Team];
            user.PasswordHash = UserPasswords.Hash(user, demo.Password);
            user.Lines.AddRange(demo.Lines.Select(number => new Line { Number = number }));
            db.Users.Add(user);
        }

        var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var demo in DemoData.Accounts)
        {
            var account = new Account { Id = Guid.NewGuid(), Name = demo.Name };
            account.PhoneNumbers.AddRange(demo.Phones.Select(p => ToPhoneNumber(p, normalizer)));
            accounts.Add(demo.Name, account);
            db.Accounts.Add(account);
        }

        foreach (var demo in DemoData.Contacts)
        {
            var contact = new Contact { Id = Guid.NewGuid(), Name = demo.Name, Account = demo.AccountName is null ? null : accounts[demo.AccountName] };
            contact.PhoneNumbers.AddRange(demo.Phones.Select(p => ToPhoneNumber(p, normalizer)));
            db.Contacts.Add(contact);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static PhoneNumber ToPhoneNumber(DemoPhone phone, PhoneNumberNormalizer normalizer)
    {
        var normalized = normalizer.Normalize(phone.Number)
            ?? throw new InvalidOperationException($"The demo number '{phone.Number}' is not a valid phone number.");
        return new PhoneNumber
        {
            Id = Guid.NewGuid(),
            Kind = phone.Kind,
            Raw = phone.Number,
            E164 = normalized.E164,
            ReversedDigits = normalized.ReversedDigits,
        };
    }
}
