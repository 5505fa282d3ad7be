using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Contacts;

/// <summary>Finding callers by number, on each database engine.</summary>
public abstract class CallerLookupTests(CrmTestDatabase engine) : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync(engine, demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IReadOnlyList<Telephony.Calls.ContactCandidate>> LookupAsync(string? number) =>
        _host.Get<CallerLookup>().LookupAsync(number, Timeouts.Token()).WithTimeout();

    [Theory]
    [InlineData("+74951234567")]
    [InlineData("8 (495) 123-45-67")]
    [InlineData("4951234567")]
    public async Task A_contacts_number_in_any_format_finds_the_contact_with_the_account(string number)
    {
        var candidates = await LookupAsync(number);

        var candidate = Assert.Single(candidates);
        Assert.Equal("Ivan Sidorov", candidate.ContactName);
        Assert.Equal("Romashka LLC", candidate.AccountName);
        Assert.NotNull(candidate.ContactId);
        Assert.NotNull(candidate.AccountId);
        Assert.Equal(CallerLookup.MatchedByE164, candidate.MatchedBy);
    }

    [Fact]
    public async Task A_number_dialled_with_the_outside_line_prefix_finds_the_contact()
    {
        var candidate = Assert.Single(await LookupAsync("984951112233"));

        Assert.Equal("Olga Smirnova", candidate.ContactName);
        Assert.Equal("Vector Ltd", candidate.AccountName);
    }

    [Fact]
    public async Task A_number_shared_by_two_contacts_gives_both()
    {
        var candidates = await LookupAsync("+7 495 987-65-43");

        Assert.Equal(["Dmitry Volkov", "Elena Volkova"], candidates.Select(c => c.ContactName));
        Assert.All(candidates, c => Assert.Null(c.AccountId));
        Assert.All(candidates, c => Assert.Equal(CallerLookup.MatchedByE164, c.MatchedBy));
    }

    [Fact]
    public async Task An_accounts_own_number_gives_a_candidate_with_only_the_account()
    {
        var candidate = Assert.Single(await LookupAsync("+74951230000"));

        Assert.Null(candidate.ContactId);
        Assert.Null(candidate.ContactName);
        Assert.Equal("Romashka LLC", candidate.AccountName);
    }

    [Fact]
    public async Task An_exact_match_ranks_before_a_match_on_the_trailing_digits()
    {
        // A Vietnamese number (+84 951 234 567) that ends in the same ten digits as Ivan's +7 495 123-45-67.
        await AddContactAsync("Nguyen Van An", "+84951234567");

        var candidates = await LookupAsync("+74951234567");

        Assert.Equal(["Ivan Sidorov", "Nguyen Van An"], candidates.Select(c => c.ContactName));
        Assert.Equal([CallerLookup.MatchedByE164, CallerLookup.MatchedByTrailingDigits], candidates.Select(c => c.MatchedBy));
    }

    [Fact]
    public async Task A_contact_with_two_matching_numbers_appears_once_with_its_best_match()
    {
        await AddContactAsync("Twice Listed", "+74957654321", "+84957654321");

        var candidates = await LookupAsync("+84957654321");

        var twice = Assert.Single(candidates, c => c.ContactName == "Twice Listed");
        Assert.Equal(CallerLookup.MatchedByE164, twice.MatchedBy);
        Assert.Equal("Twice Listed", candidates[0].ContactName);
        Assert.Equal("Pavel Kuznetsov", candidates[1].ContactName);
        Assert.Equal(CallerLookup.MatchedByTrailingDigits, candidates[1].MatchedBy);
    }

    [Theory]
    [InlineData("199")] // an extension nobody owns
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("anonymous")]
    [InlineData("<unknown>")]
    [InlineData("+7 (495) abc")]
    [InlineData("'; DROP TABLE PhoneNumbers; --")]
    public async Task Unowned_extensions_empty_anonymous_and_garbage_numbers_find_nobody(string? number) =>
        Assert.Empty(await LookupAsync(number));

    [Fact]
    public async Task A_line_whose_number_is_also_a_valid_phone_number_is_still_internal()
    {
        await using (var db = _host.CreateDbContext())
        {
            var admin = await db.Users.SingleAsync(u => u.Login == "admin", Timeouts.Token()).WithTimeout();
            db.Lines.Add(new Line { Number = "84951234567", UserId = admin.Id });
            await db.SaveChangesAsync(Timeouts.Token()).WithTimeout();
        }

        var owner = Assert.Single(await LookupAsync("84951234567"));
        Assert.Equal(CallerLookup.MatchedByExtension, owner.MatchedBy);
        Assert.Equal("Administrator", owner.UserName);
        Assert.Null(owner.ContactId);
    }

    [Fact]
    public async Task A_number_nobody_has_finds_nobody() =>
        Assert.Empty(await LookupAsync("+7 495 000-00-01"));

    [Fact]
    public async Task The_trailing_digits_search_uses_the_index()
    {
        await using var db = _host.CreateDbContext();
        await using var command = CallerLookup.NumbersEndingWith(db, "7654321594").CreateDbCommand();
        await db.Database.OpenConnectionAsync(Timeouts.Token()).WithTimeout();
        command.Connection = db.Database.GetDbConnection();

        var plan = await QueryPlanAsync(db, command);

        Assert.Contains(plan, step => step.Contains("IX_PhoneNumbers_ReversedDigits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ranges_at_both_ends_of_the_digits_find_their_numbers()
    {
        // "9999" has no upper bound (every string from it up); "00003" is among the lowest ranges, up to "00004".
        await AddContactAsync("Nine Ends", "+74951239999");
        await AddContactAsync("Zero Ends", "+74951230000");
        await using var db = _host.CreateDbContext();

        var endingIn9999 = await CallerLookup.NumbersEndingWith(db, "9999").Select(p => p.E164).ToListAsync(Timeouts.Token()).WithTimeout();
        var endingIn30000 = await CallerLookup.NumbersEndingWith(db, "00003").Select(p => p.E164).ToListAsync(Timeouts.Token()).WithTimeout();

        Assert.Equal(["+74951239999"], endingIn9999);
        Assert.Equal(["+74951230000", "+74951230000"], endingIn30000); // Romashka's own number and the new contact's
        Assert.Equal("Nine Ends", Assert.Single(await LookupAsync("+74951239999")).ContactName);
    }

    /// <summary>The steps of the engine's plan for <paramref name="command"/>, run on the context's open connection.</summary>
    protected abstract Task<List<string>> QueryPlanAsync(CrmDbContext db, System.Data.Common.DbCommand command);

    protected static async Task<List<string>> ReadColumnAsync(System.Data.Common.DbCommand command, int column)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Timeouts.Token()).WithTimeout();
        while (await reader.ReadAsync(Timeouts.Token()).WithTimeout())
        {
            rows.Add(reader.GetString(column));
        }

        return rows;
    }

    private async Task AddContactAsync(string name, params string[] numbers)
    {
        var contact = new Contact { Id = Guid.NewGuid(), Name = name };
        foreach (var number in numbers)
        {
            // Stored as an import would store it, whether or not the number plan knows it.
            var digits = number.TrimStart('+').ToCharArray();
            Array.Reverse(digits);
            contact.PhoneNumbers.Add(new PhoneNumber { Id = Guid.NewGuid(), Raw = number, E164 = number, ReversedDigits = new string(digits) });
        }

        await using var db = _host.CreateDbContext();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(Timeouts.Token()).WithTimeout();
    }
}

public sealed class SqliteCallerLookupTests() : CallerLookupTests(SqliteTestDatabase.Instance)
{
    protected override Task<List<string>> QueryPlanAsync(CrmDbContext db, System.Data.Common.DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        return ReadColumnAsync(command, 3); // e.g. SEARCH PhoneNumbers USING INDEX IX_PhoneNumbers_ReversedDigits (ReversedDigits>? AND ReversedDigits<?)
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallerLookupTests(PostgresCluster cluster) : CallerLookupTests(cluster)
{
    protected override async Task<List<string>> QueryPlanAsync(CrmDbContext db, System.Data.Common.DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);

        // A handful of demo rows would be read whole; forbid that, so a plan without the index shows as a sequential scan.
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off", Timeouts.Token()).WithTimeout();
        command.CommandText = "EXPLAIN " + command.CommandText;
        return await ReadColumnAsync(command, 0); // e.g. Index Scan using "IX_PhoneNumbers_ReversedDigits" on "PhoneNumbers"
    }
}
