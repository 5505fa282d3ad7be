using System.Net;
using System.Text;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary><c>GET /api/calls/export.csv</c>: the filtered log as RFC 4180 CSV.</summary>
public abstract class CallExportApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task The_export_is_csv_with_a_header_row_and_a_row_per_call()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        using var answer = (await supervisor.GetAnswerAsync("/api/calls/export.csv")).Expect(HttpStatusCode.OK);
        var bytes = await answer.Response.Content.ReadAsByteArrayAsync(Timeouts.Token()).WithTimeout();
        var rows = CsvText.Parse(answer.Text);

        Assert.Equal("text/csv", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("calls.csv", answer.Response.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        Assert.Equal("id", rows[0][0]);
        Assert.Contains("durationSeconds", rows[0]);
        Assert.Equal(fixture.All.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[Column(rows, "pbxCallId")]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public async Task Moments_are_utc_iso_8601_and_durations_whole_seconds()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var rows = await ExportAsync(supervisor, $"number=%2B74951234567&agent={fixture.UserId("agent1")}");

        var ivan = Assert.Single(rows.Skip(1));
        Assert.Equal("s.1", ivan[Column(rows, "pbxCallId")]);
        Assert.Equal("2025-03-14T12:00:00Z", ivan[Column(rows, "startedAt")]);
        Assert.Equal("2025-03-14T12:00:05Z", ivan[Column(rows, "answeredAt")]);
        Assert.Equal("2025-03-14T12:02:00Z", ivan[Column(rows, "endedAt")]);
        Assert.Equal("120", ivan[Column(rows, "durationSeconds")]);
        Assert.Equal("115", ivan[Column(rows, "talkSeconds")]);
        Assert.Equal("incoming", ivan[Column(rows, "direction")]);
        Assert.Equal("completed", ivan[Column(rows, "result")]);
        Assert.Equal("Ivan Sidorov", ivan[Column(rows, "contactName")]);
        Assert.Equal("Anna Petrova", ivan[Column(rows, "userName")]);
        Assert.Equal("84951234567", ivan[Column(rows, "callerNumber")]);
    }

    [Fact]
    public async Task Fields_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_whole()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        const string comment = "He said \"call back\", then\r\nhung up";
        (await agent1.PutJsonAsync($"/api/calls/{fixture.CallIds["s.12"]}/comment", new { comment })).Expect(HttpStatusCode.OK).Dispose();

        using var answer = (await agent1.GetAnswerAsync("/api/calls/export.csv?number=%2B74951230000")).Expect(HttpStatusCode.OK);
        var rows = CsvText.Parse(answer.Text);

        Assert.Contains("\"He said \"\"call back\"\", then\r\nhung up\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal(comment, Assert.Single(rows.Skip(1))[Column(rows, "comment")]);
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text_but_numbers_are_not_touched()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        (await agent1.PutJsonAsync($"/api/calls/{fixture.CallIds["s.10"]}/comment", new { comment = "=HYPERLINK(\"http://x\")" })).Expect(HttpStatusCode.OK).Dispose();

        var rows = await ExportAsync(agent1, "number=%2B74957654321");

        var row = Assert.Single(rows.Skip(1), r => r[Column(rows, "pbxCallId")] == "s.10");
        Assert.Equal("'=HYPERLINK(\"http://x\")", row[Column(rows, "comment")]);
        Assert.Equal("+74957654321", row[Column(rows, "callerNumber")]);
    }

    [Fact]
    public async Task The_filters_and_the_order_of_the_list_apply()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var outgoing = await ExportAsync(supervisor, "direction=outgoing");
        var shortestFirst = await ExportAsync(supervisor, "sort=duration&order=asc");

        Assert.Equal(["s.3"], outgoing.Skip(1).Select(r => r[Column(outgoing, "pbxCallId")]));
        Assert.Equal(["s.6", "s.9", "s.2"], shortestFirst.Skip(1).Take(3).Select(r => r[Column(shortestFirst, "pbxCallId")]));
    }

    [Fact]
    public async Task An_agent_exports_only_the_calls_of_their_own_lines()
    {
        using var agent2 = await Server.SignInAsync("agent2");

        var rows = await ExportAsync(agent2, "");

        Assert.Equal(fixture.Line102.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[Column(rows, "pbxCallId")]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("agent=anna", "agent")]
    [InlineData("from=yesterday", "from")]
    [InlineData("sort=length", "sort")]
    public async Task Wrong_filters_are_400_naming_the_parameter(string query, string parameter)
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        using var answer = (await supervisor.GetAnswerAsync($"/api/calls/export.csv?{query}")).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(parameter));
    }

    [Fact]
    public async Task The_export_stops_at_the_configured_number_of_rows()
    {
        await using var server = await CrmTestServer.StartAsync(fixture.Engine, new Dictionary<string, string?> { ["Crm:ExportMaxRows"] = "2" });
        var log = server.Get<CallLog>();
        foreach (var id in new[] { "cap.1", "cap.2", "cap.3" })
        {
            await log.SaveAsync(TestCalls.Incoming(id, "101", "+74957654321", TestCalls.Noon), TestCalls.Noon, Timeouts.Token()).WithTimeout();
        }

        using var admin = await server.SignInAsync("admin");
        var rows = await ExportAsync(admin, "");

        Assert.Equal(3, rows.Count); // the header and two calls
    }

    private static async Task<List<string[]>> ExportAsync(HttpClient client, string query)
    {
        using var answer = (await client.GetAnswerAsync($"/api/calls/export.csv?{query}")).Expect(HttpStatusCode.OK);
        return CsvText.Parse(answer.Text);
    }

    private static int Column(List<string[]> rows, string name) => Array.IndexOf(rows[0], name);
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallExportApiTests(PostgresCallsSectionFixture fixture) : CallExportApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteCallExportApiTests(SqliteCallsSectionFixture fixture) : CallExportApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
