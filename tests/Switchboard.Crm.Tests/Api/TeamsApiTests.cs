using System.Net;
using Switchboard.Contracts;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// A server with two teams: the demo's "Front desk" (agent1 on 101, agent2 on 102, supervisor on
/// 103) and "Night shift" (agent3 on 104, supervisor2 on 105), made through the API, and one call
/// on each line plus one on a line nobody owns.
/// </summary>
public abstract class TeamsFixture(CrmTestDatabase engine) : IAsyncLifetime
{
    internal CrmTestServer Server { get; private set; } = null!;

    public Guid NightShift { get; private set; }

    public Dictionary<string, Guid> UserIds { get; } = [];

    /// <summary>Row ids by PBX call id: "t.101" is the call on line 101, "t.199" on a line nobody owns.</summary>
    public Dictionary<string, Guid> CallIds { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await CrmTestServer.StartAsync(engine);
        using var admin = await Server.SignInAsync("admin");
        using var team = (await admin.PostAsync("/api/teams", new { name = "Night shift" })).Expect(HttpStatusCode.Created);
        NightShift = team.Body!["id"]!.GetValue<Guid>();
        foreach (var (login, role, line) in new[] { ("agent3", "agent", "104"), ("supervisor2", "supervisor", "105") })
        {
            using var created = (await admin.PostAsync("/api/users", new { login, displayName = login, role, password = $"{login}-password", lines = new[] { line } }))
                .Expect(HttpStatusCode.Created);
            var id = created.Body!["id"]!.GetValue<Guid>();
            (await admin.PutJsonAsync($"/api/users/{id}/team", new { teamId = NightShift })).Expect(HttpStatusCode.OK).Dispose();
        }

        foreach (var user in (await admin.GetJsonAsync("/api/users")).AsArray())
        {
            UserIds[user!["login"]!.GetValue<string>()] = user["id"]!.GetValue<Guid>();
        }

        foreach (var line in new[] { "101", "102", "103", "104", "105", "199" })
        {
            var save = new CallSaveRequest
            {
                ConversationId = $"t.{line}",
                Direction = CallDirection.Incoming,
                CallerNumber = "+74957654321",
                CalleeNumber = line,
                State = CallState.Finished,
                StartedAt = TestCalls.Noon,
                EndedAt = TestCalls.Noon.AddSeconds(20),
                DurationSeconds = 20,
                EndReason = CallEndReason.Missed,
            };
            using var saved = (await admin.PutJsonAsync($"/api/calls/pbx/t.{line}/{line}", save)).Expect(HttpStatusCode.OK);
            CallIds[$"t.{line}"] = saved.Body!["id"]!.GetValue<Guid>();
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SqliteTeamsFixture() : TeamsFixture(SqliteTestDatabase.Instance);

public sealed class PostgresTeamsFixture(PostgresCluster cluster) : TeamsFixture(cluster);

/// <summary>
/// Teams decide what supervisors read: their own lines' calls and the calls their team's members
/// handled, in the list, by id, in the export and for editing; never another team's.
/// </summary>
public abstract class TeamsApiTests(TeamsFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Theory]
    [InlineData("agent1", new[] { "t.101" })]
    [InlineData("agent3", new[] { "t.104" })]
    [InlineData("supervisor", new[] { "t.101", "t.102", "t.103" })]
    [InlineData("supervisor2", new[] { "t.104", "t.105" })]
    [InlineData("admin", new[] { "t.101", "t.102", "t.103", "t.104", "t.105", "t.199" })]
    public async Task Each_role_lists_reads_and_exports_exactly_its_own_or_its_teams_calls(string login, string[] readable)
    {
        using var client = await SignInAsync(login);

        var listed = (await client.GetJsonAsync("/api/calls?limit=200")).PbxCallIds().Where(id => id.StartsWith("t.", StringComparison.Ordinal));
        using var export = (await client.GetAnswerAsync("/api/calls/export.csv")).Expect(HttpStatusCode.OK);
        var rows = CsvText.Parse(export.Text);
        var exported = rows.Skip(1).Select(r => r[Array.IndexOf(rows[0], "pbxCallId")]).Where(id => id.StartsWith("t.", StringComparison.Ordinal));

        Assert.Equal(readable, listed.Order(StringComparer.Ordinal));
        Assert.Equal(readable, exported.Order(StringComparer.Ordinal));
        foreach (var (pbxCallId, id) in fixture.CallIds)
        {
            var expected = readable.Contains(pbxCallId) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(expected == await client.GetStatusAsync($"/api/calls/{id}"), $"{login} reading {pbxCallId}");
        }
    }

    [Fact]
    public async Task A_supervisor_filtering_by_an_agent_of_another_team_finds_nothing_and_cannot_comment_their_calls()
    {
        using var supervisor = await SignInAsync("supervisor");
        var other = fixture.UserIds["agent3"];

        var page = await supervisor.GetJsonAsync($"/api/calls?agent={other}");
        var call = $"/api/calls/{fixture.CallIds["t.104"]}";

        Assert.Empty(page.PbxCallIds());
        (await supervisor.PutJsonAsync($"{call}/comment", new { comment = "not my team" })).Expect(HttpStatusCode.NotFound).Dispose();
    }

    [Fact]
    public async Task The_signed_in_user_sees_their_team()
    {
        using var agent3 = await SignInAsync("agent3");

        var me = await agent3.GetJsonAsync("/api/me");

        Assert.Equal(fixture.NightShift, me["teamId"]!.GetValue<Guid>());
        Assert.Equal("Night shift", me["teamName"]!.GetValue<string>());
        Assert.Empty(me["teamLines"]!.AsArray());
    }

    [Fact]
    public async Task A_supervisor_sees_the_lines_of_their_team_whose_calls_they_watch()
    {
        using var supervisor2 = await SignInAsync("supervisor2");

        var me = await supervisor2.GetJsonAsync("/api/me");

        Assert.Equal(["104", "105"], me["teamLines"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task Teams_are_listed_with_their_members()
    {
        using var admin = await SignInAsync("admin");

        var teams = (await admin.GetJsonAsync("/api/teams")).AsArray();

        var night = Assert.Single(teams, t => t!["name"]!.GetValue<string>() == "Night shift");
        Assert.Equal(["agent3", "supervisor2"], night!["members"]!.AsArray().Select(m => m!["login"]!.GetValue<string>()));
        var front = Assert.Single(teams, t => t!["name"]!.GetValue<string>() == "Front desk");
        Assert.Equal(["agent1", "agent2", "supervisor"], front!["members"]!.AsArray().Select(m => m!["login"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_team_name_is_unique_whatever_the_case_and_must_be_one_line()
    {
        using var admin = await SignInAsync("admin");

        (await admin.PostAsync("/api/teams", new { name = "NIGHT SHIFT" })).Expect(HttpStatusCode.Conflict).Dispose();
        using var blank = (await admin.PostAsync("/api/teams", new { name = "  " })).Expect(HttpStatusCode.BadRequest);
        using var twoLines = (await admin.PostAsync("/api/teams", new { name = "a\nb" })).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(blank.ErrorsAbout("name"));
        Assert.NotNull(twoLines.ErrorsAbout("name"));
    }

    [Fact]
    public async Task Moving_an_agent_to_another_team_moves_their_calls_to_its_supervisors_and_removing_a_team_keeps_its_members()
    {
        using var admin = await SignInAsync("admin");
        using var created = (await admin.PostAsync("/api/teams", new { name = "Day shift" })).Expect(HttpStatusCode.Created);
        var dayShift = created.Body!["id"]!.GetValue<Guid>();
        using var moved = (await admin.PostAsync("/api/users", new { login = "mover", displayName = "Mover", role = "agent", password = "mover-password", lines = new[] { "106" } }))
            .Expect(HttpStatusCode.Created);
        var mover = moved.Body!["id"]!.GetValue<Guid>();
        using var boss = (await admin.PostAsync("/api/users", new { login = "dayboss", displayName = "Day boss", role = "supervisor", password = "dayboss-password", lines = new[] { "107" } }))
            .Expect(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"/api/users/{boss.Body!["id"]}/team", new { teamId = dayShift })).Expect(HttpStatusCode.OK).Dispose();
        using var saved = (await admin.PutJsonAsync("/api/calls/pbx/t.106/106", new CallSaveRequest
        {
            ConversationId = "t.106",
            Direction = CallDirection.Outgoing,
            CallerNumber = "106",
            CalleeNumber = "+74957654321",
            State = CallState.Alerting,
            StartedAt = TestCalls.Noon,
        })).Expect(HttpStatusCode.OK);
        var call = $"/api/calls/{saved.Body!["id"]}";
        using var dayBoss = await Server.SignInAsync("dayboss", "dayboss-password");

        Assert.Equal(HttpStatusCode.NotFound, await dayBoss.GetStatusAsync(call));
        (await admin.PutJsonAsync($"/api/users/{mover}/team", new { teamId = dayShift })).Expect(HttpStatusCode.OK).Dispose();
        Assert.Equal(HttpStatusCode.OK, await dayBoss.GetStatusAsync(call));

        (await admin.DeleteAnswerAsync($"/api/teams/{dayShift}")).Expect(HttpStatusCode.NoContent).Dispose();
        var user = await admin.GetJsonAsync($"/api/users/{mover}");
        Assert.Null(user["teamId"]);
        Assert.Equal(HttpStatusCode.NotFound, await dayBoss.GetStatusAsync(call));
        Assert.Equal(HttpStatusCode.OK, await admin.GetStatusAsync(call));
    }

    [Fact]
    public async Task Putting_a_user_in_a_team_that_does_not_exist_or_by_a_malformed_id_is_400()
    {
        using var admin = await SignInAsync("admin");
        var agent1 = fixture.UserIds["agent1"];

        using var missing = (await admin.PutJsonAsync($"/api/users/{agent1}/team", new { teamId = Guid.NewGuid() })).Expect(HttpStatusCode.BadRequest);
        using var malformed = (await admin.PutJsonAsync($"/api/users/{agent1}/team", new { teamId = "night" })).Expect(HttpStatusCode.BadRequest);
        (await admin.PutJsonAsync($"/api/users/{Guid.NewGuid()}/team", new { teamId = fixture.NightShift })).Expect(HttpStatusCode.NotFound).Dispose();

        Assert.NotNull(missing.ErrorsAbout("teamId"));
        Assert.NotNull(malformed.ErrorsAbout("teamId"));
        Assert.Equal("Front desk", (await admin.GetJsonAsync($"/api/users/{agent1}"))["teamName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("agent1")]
    [InlineData("supervisor")]
    public async Task Only_an_administrator_manages_teams(string login)
    {
        using var client = await SignInAsync(login);
        var team = $"/api/teams/{fixture.NightShift}";

        (await client.GetAnswerAsync("/api/teams")).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.GetAnswerAsync(team)).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PostAsync("/api/teams", new { name = "Mine" })).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PutJsonAsync(team, new { name = "Mine" })).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.DeleteAnswerAsync(team)).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PutJsonAsync($"/api/users/{fixture.UserIds["agent3"]}/team", new { teamId = (Guid?)null })).Expect(HttpStatusCode.Forbidden).Dispose();

        using var admin = await SignInAsync("admin");
        Assert.Equal("Night shift", (await admin.GetJsonAsync(team))["name"]!.GetValue<string>());
    }

    private Task<HttpClient> SignInAsync(string login) => login switch
    {
        "agent3" or "supervisor2" => Server.SignInAsync(login, $"{login}-password"),
        _ => Server.SignInAsync(login),
    };
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresTeamsApiTests(PostgresTeamsFixture fixture) : TeamsApiTests(fixture), IClassFixture<PostgresTeamsFixture>;

public sealed class SqliteTeamsApiTests(SqliteTeamsFixture fixture) : TeamsApiTests(fixture), IClassFixture<SqliteTeamsFixture>;
