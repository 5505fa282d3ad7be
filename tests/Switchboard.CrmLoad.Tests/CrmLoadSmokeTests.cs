using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.CrmLoad;
using Switchboard.CrmLoad.Generation;
using Switchboard.CrmLoad.Measuring;

namespace Switchboard.CrmLoad.Tests;

/// <summary>The load tool's whole run on tiny sizes, on SQLite: what it wrote and what it found, never how fast.</summary>
public sealed class CrmLoadSmokeTests : IDisposable
{
    private const int Accounts = 40;
    private const int Contacts = 300;
    private const int Calls = 2_000;
    private const int SaveCalls = 15;
    private const int Seed = 7;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "switchboard-crmload-tests", Guid.NewGuid().ToString("N"));

    public CrmLoadSmokeTests() => Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "crm.db")}";

    [Fact]
    public async Task A_tiny_run_fills_every_table_finds_every_known_number_and_saves_every_call()
    {
        var report = await RunAsync();

        Assert.Equal(
            new TableCounts(SyntheticCrm.LineCount, SyntheticCrm.LineCount, Accounts, Contacts, report.Crm.Numbers.Length, Calls),
            report.Counts);
        Assert.InRange(report.Crm.Numbers.Length, Contacts, Contacts * 2);

        Assert.Equal(2, report.Lookups.Count);
        Assert.All(report.Lookups, run =>
        {
            Assert.Equal(200, run.All.Count);
            Assert.True(run.KnownAsked > 0);
            Assert.Equal(run.KnownAsked, run.KnownFound);
            Assert.True(run.ExtensionsAsked > 0);
            Assert.Equal(run.ExtensionsAsked, run.ExtensionsFound);
        });

        // Every saved call is a new row, whatever its three saves: the traced one, the warm-up's and two passes'.
        Assert.Equal([1, 4], report.Saves.Select(s => s.Writers));
        Assert.All(report.Saves, s => Assert.Equal(SaveCalls * SaveRun.SavesPerCall, s.PerSave.Count));
        Assert.Equal(Calls + 1 + (SaveCalls * 3), report.CountsAfterSaves.CallRecords);
    }

    [Fact]
    public async Task A_tiny_run_on_a_private_postgres_cluster_saves_every_call_by_upsert_and_by_bare_sql()
    {
        var options = Tiny(CrmDatabaseProvider.Postgres, connection: null) with { RawConnections = [1, 3] };
        using var deadline = new CancellationTokenSource(Limit);

        var report = await CrmLoadRun.RunAsync(options, TextWriter.Null, deadline.Token);

        Assert.Equal(Calls, report.Counts.CallRecords);
        Assert.All(report.Lookups, run => Assert.Equal(run.KnownAsked, run.KnownFound));
        Assert.All(report.Saves, s => Assert.Equal(SaveCalls * SaveRun.SavesPerCall, s.PerSave.Count));
        Assert.Equal([1, 3], report.RawSaves.Select(r => r.Connections));

        // The traced call, the warm-up's, two passes through the CRM and two of bare SQL: each one new row.
        Assert.Equal(Calls + 1 + (SaveCalls * 3) + (SaveCalls * 2), report.CountsAfterSaves.CallRecords);
    }

    [Fact]
    public async Task A_seeded_number_is_found_in_every_format_a_pbx_sends()
    {
        var report = await RunAsync();
        await using var services = CrmServices.Build(CrmDatabaseProvider.Sqlite, ConnectionString, new CommandCounter());
        var lookup = services.GetRequiredService<CallerLookup>();

        var russian = Number(report.Crm, Country.Ru);
        var n = report.Crm.Plans[russian].National;
        string[] russianFormats =
        [
            report.Crm.Numbers[russian].Raw, $"+7 {n[..3]} {n[3..6]}-{n[6..8]}-{n[8..]}", $"8 ({n[..3]}) {n[3..6]}-{n[6..8]}-{n[8..]}",
            "7" + n, n, "+7" + n, "8" + n, "98" + n,
        ];
        foreach (var format in russianFormats)
        {
            await AssertFoundAsync(lookup, report.Crm, russian, format);
        }

        var british = Number(report.Crm, Country.Gb);
        var g = report.Crm.Plans[british].National;
        foreach (var format in new[] { report.Crm.Numbers[british].Raw, "+44" + g, "0044" + g, "00 44 " + g, "900" + "44" + g })
        {
            await AssertFoundAsync(lookup, report.Crm, british, format);
        }

        var line = await lookup.LookupAsync("101", CancellationToken.None);
        Assert.Equal(report.Crm.Users[0].Id, Assert.Single(line).UserId);
        Assert.Empty(await lookup.LookupAsync("anonymous", CancellationToken.None));
    }

    [Fact]
    public async Task Entity_Framework_reads_the_loaded_rows_back_as_they_were_made()
    {
        var report = await RunAsync();
        await using var services = CrmServices.Build(CrmDatabaseProvider.Sqlite, ConnectionString, new CommandCounter());
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();

        // Found by id: the ids were written in EF Core's own text format.
        var made = report.Crm.Contacts[^1];
        var contact = await db.Contacts.Include(c => c.PhoneNumbers).SingleAsync(c => c.Id == made.Id);
        Assert.Equal(made.Name, contact.Name);
        Assert.Equal(made.AccountId, contact.AccountId);
        Assert.Equal(
            report.Crm.Numbers.Where(p => p.ContactId == made.Id).Select(p => (p.Id, p.Kind, p.Raw, p.E164, p.ReversedDigits)).Order(),
            contact.PhoneNumbers.Select(p => (p.Id, p.Kind, p.Raw, p.E164, p.ReversedDigits)).Order());

        // Moments and enums as the model converts them: compared in the database, not only read.
        var call = new SyntheticCalls(report.Crm, Seed + 7).Generate(Calls).Skip(Calls / 2).First();
        var stored = await db.CallRecords.AsNoTracking().SingleAsync(r =>
            r.PbxCallId == call.PbxCallId && r.Line == call.Line && r.StartedAt == call.StartedAt && r.Direction == call.Direction);
        Assert.Equal(call.EndedAt, stored.EndedAt);
        Assert.Equal(call.EndReason, stored.EndReason);
        Assert.Equal(call.UserId, stored.UserId);
        Assert.Equal(call.ContactId, stored.ContactId);
        Assert.Equal(call.DurationSeconds, stored.DurationSeconds);
        Assert.Equal(
            await db.CallRecords.CountAsync(r => r.StartedAt < call.StartedAt),
            new SyntheticCalls(report.Crm, Seed + 7).Generate(Calls).Count(r => r.StartedAt < call.StartedAt));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<LoadReport> RunAsync()
    {
        using var deadline = new CancellationTokenSource(Limit);
        return await CrmLoadRun.RunAsync(Tiny(CrmDatabaseProvider.Sqlite, ConnectionString), TextWriter.Null, deadline.Token);
    }

    private static LoadOptions Tiny(string provider, string? connection) =>
        new()
        {
            Provider = provider,
            Connection = connection,
            Sizes = new LoadSizes(Accounts, Contacts, Calls),
            Lookups = 200,
            Warmup = 20,
            LookupCallers = [1, 3],
            SaveCalls = SaveCalls,
            Writers = [1, 4],
            SaveWarmupCalls = SaveCalls,
            TraceSaves = true,
            Seed = Seed,
        };

    private static int Number(SyntheticCrm crm, Country country) =>
        Enumerable.Range(0, crm.Numbers.Length).First(i => crm.Numbers[i].ContactId is not null && crm.Plans[i].Country == country);

    private static async Task AssertFoundAsync(CallerLookup lookup, SyntheticCrm crm, int index, string input)
    {
        var candidates = await lookup.LookupAsync(input, CancellationToken.None);
        var contactId = crm.Numbers[index].ContactId;
        Assert.True(
            candidates.Any(c => c.ContactId == contactId && c.MatchedBy == CallerLookup.MatchedByE164),
            $"'{input}' ({crm.Numbers[index].E164}) did not find its contact by E.164; it found: {string.Join(", ", candidates)}");
    }
}
