using Microsoft.AspNetCore.Identity;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.CrmLoad.Generation;

/// <summary>How many records to make.</summary>
internal sealed record LoadSizes(int Accounts, int Contacts, int Calls)
{
    public static readonly LoadSizes Full = new(200_000, 1_000_000, 5_000_000);
}

/// <summary>
/// The CRM's records, made from a seed (the same seed gives the same records): users on lines
/// 101..199, accounts, contacts (70 % of them working for an account) and about 1.5 numbers per
/// contact in all, spread over contacts (0 to 3 each) and accounts (0 to 2 each). Every number goes
/// through the CRM's <see cref="PhoneNumberNormalizer"/>, which fills E164 and ReversedDigits exactly
/// as the application does; one it calls invalid is replaced by another.
/// </summary>
internal sealed class SyntheticCrm
{
    public const int FirstLine = 101;
    public const int LastLine = 199;
    public const string UserPassword = "crm-load";

    private static readonly string[] FirstNames =
    [
        "Ivan", "Olga", "Maria", "Pavel", "Dmitry", "Elena", "Sergey", "Anna", "Alexey", "Natalia", "Mikhail", "Tatiana",
        "Andrey", "Irina", "Nikolai", "Svetlana", "John", "Emma", "Oliver", "Sophie", "James", "Laura", "Michael", "Hannah",
        "Thomas", "Julia", "Stefan", "Katrin",
    ];

    private static readonly string[] LastNames =
    [
        "Ivanov", "Petrova", "Sidorov", "Smirnova", "Kuznetsov", "Volkova", "Popov", "Sokolova", "Lebedev", "Novikova",
        "Morozov", "Orlova", "Fedorov", "Pavlova", "Smith", "Jones", "Taylor", "Brown", "Williams", "Miller", "Davis",
        "Wilson", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    ];

    private static readonly string[] CompanyWords =
    [
        "Romashka", "Vector", "Horns and Hooves", "Polyus", "Sever", "Alfa", "Granit", "Meridian", "Atlant", "Orion",
        "London", "Thames", "Bridge", "Harbour", "Rhein", "Spree", "Hudson", "Pacific", "Summit", "Cedar",
    ];

    private static readonly string[] CompanyKinds = ["LLC", "Ltd", "JSC", "GmbH", "Inc", "Group", "Partners", "Trading"];

    private SyntheticCrm(User[] users, Account[] accounts, Contact[] contacts, PhoneNumber[] numbers, PlannedNumber[] plans)
    {
        Users = users;
        Accounts = accounts;
        Contacts = contacts;
        Numbers = numbers;
        Plans = plans;
    }

    /// <summary>One user per line, 101..199, each owning that line.</summary>
    public User[] Users { get; }

    public Account[] Accounts { get; }

    public Contact[] Contacts { get; }

    public PhoneNumber[] Numbers { get; }

    /// <summary>What each of <see cref="Numbers"/> is, unformatted (same index).</summary>
    public PlannedNumber[] Plans { get; }

    public static SyntheticCrm Generate(LoadSizes sizes, int seed, PhoneNumberNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var random = new Random(seed);
        var users = MakeUsers(random);

        var accounts = new Account[sizes.Accounts];
        var accountFirstNumber = new int[sizes.Accounts];
        var numbers = new List<PhoneNumber>(sizes.Contacts * 3 / 2 + 1000);
        var plans = new List<PlannedNumber>(numbers.Capacity);
        for (var i = 0; i < accounts.Length; i++)
        {
            var account = new Account { Id = NewGuid(random), Name = CompanyName(i, random) };
            accounts[i] = account;
            accountFirstNumber[i] = -1;

            // 10 % none, 70 % one (the switchboard), 20 % two.
            var roll = random.Next(10);
            var count = roll == 0 ? 0 : roll < 8 ? 1 : 2;
            for (var k = 0; k < count; k++)
            {
                if (k == 0)
                {
                    accountFirstNumber[i] = numbers.Count;
                }

                AddNumber(numbers, plans, PhonePlan.Next(random), k == 0 ? PhoneKind.Work : PhoneKind.Other, random, normalizer, null, account.Id);
            }
        }

        var contacts = new Contact[sizes.Contacts];
        for (var i = 0; i < contacts.Length; i++)
        {
            int? accountIndex = accounts.Length > 0 && random.Next(10) < 7 ? random.Next(accounts.Length) : null;
            var contact = new Contact
            {
                Id = NewGuid(random),
                Name = PersonName(random),
                AccountId = accountIndex is { } a ? accounts[a].Id : null,
            };
            contacts[i] = contact;

            // 4 % none, 68 % one, 24 % two, 4 % three: 1.28 a contact.
            var roll = random.Next(100);
            var count = roll < 4 ? 0 : roll < 72 ? 1 : roll < 96 ? 2 : 3;
            for (var k = 0; k < count; k++)
            {
                var kind = k == 0 ? PhoneKind.Mobile : random.Next(3) == 0 ? PhoneKind.Home : PhoneKind.Work;
                // Some people's work number is their company's switchboard: one number, two records.
                var shared = k > 0 && kind == PhoneKind.Work && accountIndex is { } owner && accountFirstNumber[owner] >= 0 && random.Next(4) == 0;
                var plan = shared ? plans[accountFirstNumber[accountIndex!.Value]] : PhonePlan.Next(random);
                AddNumber(numbers, plans, plan, kind, random, normalizer, contact.Id, null);
            }
        }

        return new SyntheticCrm(users, accounts, contacts, [.. numbers], [.. plans]);
    }

    /// <summary>A version 4 GUID from the seeded generator, so that the same seed makes the same ids.</summary>
    public static Guid NewGuid(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static string LineName(int index) => (FirstLine + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int LineCount => LastLine - FirstLine + 1;

    private static void AddNumber(
        List<PhoneNumber> numbers, List<PlannedNumber> plans, PlannedNumber plan, PhoneKind kind, Random random,
        PhoneNumberNormalizer normalizer, Guid? contactId, Guid? accountId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var raw = PhonePlan.Typed(plan, random);
            // Filled exactly as the CRM fills them: from what its normalizer makes of the typed text.
            if (normalizer.Normalize(raw) is { } normalized && normalized.E164 == plan.E164)
            {
                numbers.Add(new PhoneNumber
                {
                    Id = NewGuid(random),
                    ContactId = contactId,
                    AccountId = accountId,
                    Kind = kind,
                    Raw = raw,
                    E164 = normalized.E164,
                    ReversedDigits = normalized.ReversedDigits,
                });
                plans.Add(plan);
                return;
            }

            if (attempt > 50)
            {
                throw new InvalidOperationException($"The phone plan makes no valid number like {plan.E164}.");
            }

            // Not valid in the numbering plan (or a format the normalizer reads otherwise): another one of the same country.
            plan = NextOfCountry(plan.Country, random);
        }
    }

    private static PlannedNumber NextOfCountry(Country country, Random random)
    {
        while (true)
        {
            var next = PhonePlan.Next(random);
            if (next.Country == country)
            {
                return next;
            }
        }
    }

    private static User[] MakeUsers(Random random)
    {
        // One hash for all: ASP.NET Core Identity's format does not depend on the user.
        var hash = new PasswordHasher<User>().HashPassword(null!, UserPassword);
        var users = new User[LineCount];
        for (var i = 0; i < users.Length; i++)
        {
            var line = LineName(i);
            users[i] = new User
            {
                Id = NewGuid(random),
                Login = "agent" + line,
                DisplayName = PersonName(random),
                Role = UserRole.Agent,
                PasswordHash = hash,
                Lines = [new Line { Number = line }],
            };
        }

        return users;
    }

    private static string PersonName(Random random) =>
        FirstNames[random.Next(FirstNames.Length)] + " " + LastNames[random.Next(LastNames.Length)];

    private static string CompanyName(int index, Random random) =>
        $"{CompanyWords[random.Next(CompanyWords.Length)]} {CompanyKinds[random.Next(CompanyKinds.Length)]} {index + 1}";
}
