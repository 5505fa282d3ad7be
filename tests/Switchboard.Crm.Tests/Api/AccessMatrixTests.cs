using System.Net;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// Who may do what, for each role: an agent reads and changes the calls of their own lines only
/// (another's call is "not found"), a supervisor and an administrator all calls; only an
/// administrator manages users; nobody without a token or cookie does anything.
/// </summary>
public abstract class AccessMatrixTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    public static TheoryData<string> Roles => ["agent1", "agent2", "supervisor", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_lists_exactly_the_calls_it_may_read(string login)
    {
        using var client = await Server.SignInAsync(login);

        var listed = (await client.GetJsonAsync("/api/calls?limit=200")).PbxCallIds();

        Assert.Equal(Readable(login).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_reads_a_call_by_id_only_when_it_may_and_gets_404_otherwise(string login)
    {
        using var client = await Server.SignInAsync(login);
        var readable = Readable(login).ToHashSet();

        foreach (var (pbxCallId, id) in fixture.CallIds)
        {
            var expected = readable.Contains(pbxCallId) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(expected == await client.GetStatusAsync($"/api/calls/{id}"), $"{login} reading {pbxCallId}");
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_exports_exactly_the_calls_it_may_read(string login)
    {
        using var client = await Server.SignInAsync(login);

        using var answer = (await client.GetAnswerAsync("/api/calls/export.csv")).Expect(HttpStatusCode.OK);
        var rows = CsvText.Parse(answer.Text);
        var column = Array.IndexOf(rows[0], "pbxCallId");

        Assert.Equal(Readable(login).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[column]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("agent1", "s.11")]
    [InlineData("agent2", "s.12")]
    [InlineData("agent2", "s.6")]
    public async Task An_agent_linking_or_commenting_another_agents_call_gets_404_and_changes_nothing(string login, string pbxCallId)
    {
        using var agent = await Server.SignInAsync(login);
        using var supervisor = await Server.SignInAsync("supervisor");
        var call = $"/api/calls/{fixture.CallIds[pbxCallId]}";
        var before = await supervisor.GetJsonAsync(call);

        (await agent.PutJsonAsync($"{call}/link", new { accountId = fixture.AccountId("London Partners") })).Expect(HttpStatusCode.NotFound).Dispose();
        (await agent.PutJsonAsync($"{call}/comment", new { comment = "not mine" })).Expect(HttpStatusCode.NotFound).Dispose();

        var after = await supervisor.GetJsonAsync(call);
        Assert.Equal(before["accountId"]?.ToJsonString(), after["accountId"]?.ToJsonString());
        Assert.Equal(before["comment"]?.ToJsonString(), after["comment"]?.ToJsonString());
        Assert.DoesNotContain(fixture.Links.Heard, h => h.PbxCallId == pbxCallId);
    }

    [Theory]
    [InlineData("supervisor", "s.4")]
    [InlineData("admin", "s.6")]
    [InlineData("agent1", "s.1")]
    public async Task Whoever_may_read_a_call_may_link_and_comment_it(string login, string pbxCallId)
    {
        using var client = await Server.SignInAsync(login);
        var call = $"/api/calls/{fixture.CallIds[pbxCallId]}";

        using var linked = (await client.PutJsonAsync($"{call}/link", new { contactId = fixture.ContactId("John Smith") })).Expect(HttpStatusCode.OK);
        using var commented = (await client.PutJsonAsync($"{call}/comment", new { comment = $"checked by {login}" })).Expect(HttpStatusCode.OK);

        Assert.Equal("London Partners", linked.Body!["accountName"]!.GetValue<string>());
        Assert.Equal($"checked by {login}", commented.Body!["comment"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("agent1")]
    [InlineData("supervisor")]
    public async Task Only_an_administrator_may_manage_users(string login)
    {
        using var client = await Server.SignInAsync(login);
        var someone = fixture.UserId("agent2");

        (await client.GetAnswerAsync("/api/users")).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.GetAnswerAsync($"/api/users/{someone}")).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PostAsync("/api/users", new { login = "x", displayName = "X", role = "agent", password = "long-enough" })).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PutJsonAsync($"/api/users/{someone}", new { login = "agent2", displayName = "Boris", role = "administrator" })).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PutJsonAsync($"/api/users/{someone}/lines", new { lines = new[] { "101" } })).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.PutJsonAsync($"/api/users/{someone}/password", new { password = "taken-over" })).Expect(HttpStatusCode.Forbidden).Dispose();
        (await client.DeleteAnswerAsync($"/api/users/{someone}")).Expect(HttpStatusCode.Forbidden).Dispose();

        using var admin = await Server.SignInAsync("admin");
        var boris = await admin.GetJsonAsync($"/api/users/{someone}");
        Assert.Equal("agent", boris["role"]!.GetValue<string>());
        Assert.Equal(["102"], boris["lines"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Theory]
    [InlineData("GET", "/api/calls/export.csv")]
    [InlineData("GET", "/api/me/calls/recent")]
    [InlineData("PUT", "/api/calls/7b0c2a5e-0000-0000-0000-000000000000/link")]
    [InlineData("PUT", "/api/calls/7b0c2a5e-0000-0000-0000-000000000000/comment")]
    [InlineData("GET", "/api/users")]
    [InlineData("POST", "/api/users")]
    [InlineData("GET", "/api/users/7b0c2a5e-0000-0000-0000-000000000000")]
    [InlineData("PUT", "/api/users/7b0c2a5e-0000-0000-0000-000000000000")]
    [InlineData("DELETE", "/api/users/7b0c2a5e-0000-0000-0000-000000000000")]
    [InlineData("PUT", "/api/users/7b0c2a5e-0000-0000-0000-000000000000/lines")]
    [InlineData("PUT", "/api/users/7b0c2a5e-0000-0000-0000-000000000000/password")]
    [InlineData("POST", "/api/auth/refresh")]
    public async Task Without_a_token_or_cookie_every_new_endpoint_is_401(string method, string path)
    {
        using var anonymous = Server.CreateClient();

        using var answer = await anonymous.SendAsync(new HttpMethod(method), path, method == "GET" || method == "DELETE" ? null : new { });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    private IEnumerable<string> Readable(string login) => login switch
    {
        "agent1" => fixture.Line101,
        "agent2" => fixture.Line102,
        _ => fixture.All,
    };
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresAccessMatrixTests(PostgresCallsSectionFixture fixture) : AccessMatrixTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteAccessMatrixTests(SqliteCallsSectionFixture fixture) : AccessMatrixTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
