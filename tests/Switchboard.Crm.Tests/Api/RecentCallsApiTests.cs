using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary><c>GET /api/me/calls/recent</c>: the panel's history and call-back.</summary>
public abstract class RecentCallsApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task An_agent_gets_the_calls_of_their_own_lines_newest_first()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var recent = (await agent1.GetJsonAsync("/api/me/calls/recent")).AsArray();

        Assert.Equal(["s.9", "s.12", "s.10", "s.7", "s.3", "s.2", "s.1"], Ids(recent));
    }

    [Fact]
    public async Task Each_call_says_which_number_calls_the_other_party_back()
    {
        using var agent2 = await Server.SignInAsync("agent2");

        var recent = (await agent2.GetJsonAsync("/api/me/calls/recent")).AsArray();

        Assert.Equal("+74951234567", Find(recent, "s.4")["callBackNumber"]!.GetValue<string>()); // incoming: the caller
        Assert.Equal("101", Find(recent, "s.5")["callBackNumber"]!.GetValue<string>()); // internal, placed by 102: the callee
        Assert.Equal("Ivan Sidorov", Find(recent, "s.4")["contactName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outgoing_call_is_called_back_on_the_number_dialled_and_a_missed_call_is_marked()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var recent = (await agent1.GetJsonAsync("/api/me/calls/recent")).AsArray();

        Assert.Equal("984951112233", Find(recent, "s.3")["callBackNumber"]!.GetValue<string>());
        Assert.True(Find(recent, "s.2")["missed"]!.GetValue<bool>());
        Assert.False(Find(recent, "s.1")["missed"]!.GetValue<bool>());
        Assert.False(Find(recent, "s.9")["missed"]!.GetValue<bool>()); // still ringing
    }

    [Fact]
    public async Task A_supervisor_gets_only_their_own_lines_calls_and_an_administrator_without_lines_none()
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        using var admin = await Server.SignInAsync("admin");

        Assert.Equal(["s.6"], Ids((await supervisor.GetJsonAsync("/api/me/calls/recent")).AsArray()));
        Assert.Empty((await admin.GetJsonAsync("/api/me/calls/recent")).AsArray());
    }

    [Fact]
    public async Task The_limit_keeps_the_newest()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        Assert.Equal(["s.9", "s.12"], Ids((await agent1.GetJsonAsync("/api/me/calls/recent?limit=2")).AsArray()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    [InlineData("-1")]
    public async Task A_wrong_limit_is_400_naming_it(string limit)
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = (await agent1.GetAnswerAsync($"/api/me/calls/recent?limit={limit}")).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("limit"));
    }

    private static List<string> Ids(JsonArray calls) => calls.Select(c => c!["pbxCallId"]!.GetValue<string>()).ToList();

    private static JsonNode Find(JsonArray calls, string pbxCallId) => calls.Single(c => c!["pbxCallId"]!.GetValue<string>() == pbxCallId)!;
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresRecentCallsApiTests(PostgresCallsSectionFixture fixture) : RecentCallsApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteRecentCallsApiTests(SqliteCallsSectionFixture fixture) : RecentCallsApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
