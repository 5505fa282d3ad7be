using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Tests.Contacts;

/// <summary>How each candidate matched, colleagues on internal lines, and the configurable trailing digits, on each engine.</summary>
public abstract class CallerLookupRulesTests(CrmTestDatabase engine)
{
    [Theory]
    [InlineData("101", "Anna Petrova")]
    [InlineData(" 103 ", "Svetlana Sokolova")]
    public async Task An_internal_extension_is_the_colleague_who_owns_the_line(string number, string name)
    {
        await using var host = await CrmTestHost.StartAsync(engine, demo: true);

        var colleague = Assert.Single(await LookupAsync(host, number));

        Assert.Equal(CallerLookup.MatchedByExtension, colleague.MatchedBy);
        Assert.Equal(name, colleague.UserName);
        await using var db = host.CreateDbContext();
        Assert.Equal(db.Lines.Single(l => l.Number == number.Trim()).UserId, colleague.UserId);
        Assert.Null(colleague.ContactId);
        Assert.Null(colleague.AccountId);
    }

    [Fact]
    public async Task Every_candidate_says_how_it_matched_exactly_by_national_number_or_by_trailing_digits()
    {
        await using var host = await CrmTestHost.StartAsync(engine, demo: true);
        // The same national number under another country code, and another number that only ends in the same ten digits.
        await AddContactAsync(host, "Wrong Country", "+14951234567");
        await AddContactAsync(host, "Nguyen Van An", "+84951234567");

        var candidates = await LookupAsync(host, "8 (495) 123-45-67");

        Assert.Equal(["Ivan Sidorov", "Wrong Country", "Nguyen Van An"], candidates.Select(c => c.ContactName));
        Assert.Equal(
            [CallerLookup.MatchedByE164, CallerLookup.MatchedByNationalNumber, CallerLookup.MatchedByTrailingDigits],
            candidates.Select(c => c.MatchedBy));
        Assert.All(candidates, c => Assert.Null(c.UserId));
    }

    [Fact]
    public async Task The_number_of_trailing_digits_compared_is_configurable()
    {
        await using var tenDigits = await CrmTestHost.StartAsync(engine, demo: true);
        await using var sevenDigits = await CrmTestHost.StartAsync(engine, demo: true, new Dictionary<string, string?> { ["Crm:TrailingDigits"] = "7" });
        foreach (var host in new[] { tenDigits, sevenDigits })
        {
            await AddContactAsync(host, "Other City", "+74991234567"); // Moscow's 499 instead of 495: the last seven digits agree
        }

        var byTen = await LookupAsync(tenDigits, "+74951234567");
        var bySeven = await LookupAsync(sevenDigits, "+74951234567");

        Assert.Equal(["Ivan Sidorov"], byTen.Select(c => c.ContactName));
        Assert.Equal(["Ivan Sidorov", "Other City"], bySeven.Select(c => c.ContactName));
        Assert.Equal(CallerLookup.MatchedByTrailingDigits, bySeven[1].MatchedBy);
    }

    [Theory]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234567890")]
    [InlineData("+7 495 123 45 67 ext. 5")]
    [InlineData("\u0000\u0001")]
    [InlineData("\u0661\u0660\u0661")] // Arabic-Indic digits "101"
    [InlineData("%2B74951234567")]
    [InlineData("sip:101@pbx")]
    [InlineData("101; DROP TABLE Lines")]
    public async Task Garbage_finds_nobody_and_raises_no_error(string number)
    {
        await using var host = await CrmTestHost.StartAsync(engine, demo: true);

        Assert.Empty(await LookupAsync(host, number));
    }

    private static Task<IReadOnlyList<ContactCandidate>> LookupAsync(CrmTestHost host, string number) =>
        host.Get<CallerLookup>().LookupAsync(number, Timeouts.Token()).WithTimeout();

    private static async Task AddContactAsync(CrmTestHost host, string name, string e164)
    {
        var digits = e164.TrimStart('+').ToCharArray();
        Array.Reverse(digits);
        var contact = new Contact { Id = Guid.NewGuid(), Name = name };
        contact.PhoneNumbers.Add(new PhoneNumber { Id = Guid.NewGuid(), Raw = e164, E164 = e164, ReversedDigits = new string(digits) });
        await using var db = host.CreateDbContext();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(Timeouts.Token()).WithTimeout();
    }
}

public sealed class SqliteCallerLookupRulesTests() : CallerLookupRulesTests(SqliteTestDatabase.Instance);

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallerLookupRulesTests(PostgresCluster cluster) : CallerLookupRulesTests(cluster);

public sealed class TrailingDigitsSettingTests
{
    [Theory]
    [InlineData("3")]
    [InlineData("16")]
    public void A_trailing_digits_setting_out_of_range_is_refused_naming_the_setting(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Crm:TrailingDigits"] = value })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddCrm(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CrmOptions>>().Value);

        Assert.Contains("Crm:TrailingDigits", error.Message, StringComparison.Ordinal);
    }
}
