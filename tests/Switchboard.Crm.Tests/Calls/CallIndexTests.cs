using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Tests.Calls;

/// <summary>
/// The Calls section's orders and filters are read through an index, not by scanning and sorting
/// the log: SQLite's own query plan for the real queries says so. (PostgreSQL chooses its plans
/// from table statistics, so an empty test database proves nothing there; the CRM benchmark runs
/// these queries on millions of rows.)
/// </summary>
public sealed class CallIndexTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync(SqliteTestDatabase.Instance, demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // The supervisor's calls are their lines' and their team's: two index ranges, merged and then
    // sorted. That sort covers one team's calls, not the log.
    public static TheoryData<string, string, string, bool> Searches => new()
    {
        { "admin", "newest first", "IX_CallRecords_StartedAt_Id", false },
        { "admin", "longest first", "IX_CallRecords_DurationSeconds_Id", false },
        { "admin", "shortest first", "IX_CallRecords_DurationSeconds_Id", false },
        { "admin", "by agent", "IX_CallRecords_UserId_StartedAt_Id", false },
        { "admin", "by contact", "IX_CallRecords_ContactId_StartedAt_Id", false },
        { "admin", "by account", "IX_CallRecords_AccountId_StartedAt_Id", false },
        { "agent1", "newest first", "IX_CallRecords_Line_StartedAt_Id", false },
        { "supervisor", "newest first", "IX_CallRecords_UserId_StartedAt_Id", true },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Each_search_reads_the_log_through_its_index(string login, string search, string index, bool sortsWhatItFound)
    {
        var reader = await _host.Get<UserDirectory>().FindByLoginAsync(login, Timeouts.Token()).WithTimeout();
        await using var db = _host.CreateDbContext();
        var query = _host.Get<CallQueries>().PageQuery(db, Search(search), reader!, CallSearch.DefaultLimit);

        var plan = await ExplainAsync(db, query.ToQueryString());

        Assert.Contains(plan, step => step.Contains("CallRecords", StringComparison.Ordinal) && step.Contains(index, StringComparison.Ordinal));
        // Walking an index in its order ("SCAN c USING INDEX ...") is the point; reading the whole table is not.
        Assert.DoesNotContain("SCAN c", plan);
        Assert.Equal(sortsWhatItFound, plan.Any(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal)));
    }

    private static CallSearch Search(string name) => name switch
    {
        "longest first" => new CallSearch { Order = CallOrder.LongestFirst },
        "shortest first" => new CallSearch { Order = CallOrder.ShortestFirst },
        "by agent" => new CallSearch { AgentId = Guid.NewGuid() },
        "by contact" => new CallSearch { ContactId = Guid.NewGuid() },
        "by account" => new CallSearch { AccountId = Guid.NewGuid() },
        _ => new CallSearch(),
    };

    // ToQueryString gives SQLite's shell form: ".param set @name value" lines, then the statement.
    private static async Task<List<string>> ExplainAsync(DbContext db, string script)
    {
        var lines = script.Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Timeouts.Token()).WithTimeout();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            AddParameter(command, parts[0], parts[1].Trim());
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Timeouts.Token()).WithTimeout();
        while (await reader.ReadAsync(Timeouts.Token()).WithTimeout())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.NotEmpty(plan);
        return plan;
    }

    private static void AddParameter(DbCommand command, string name, string literal)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = literal.StartsWith('\'') ? literal.Trim('\'') : long.TryParse(literal, out var number) ? number : literal;
        command.Parameters.Add(parameter);
    }
}
