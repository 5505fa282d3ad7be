using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>The call log API, on each database engine.</summary>
public abstract class CallsApiTests(CrmApiFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task An_agent_sees_only_the_calls_of_their_own_lines_newest_first()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        using var agent2 = await Server.SignInAsync("agent2");

        var page1 = await agent1.GetJsonAsync("/api/calls");
        var page2 = await agent2.GetJsonAsync("/api/calls");

        var ids = page1.PbxCallIds();
        Assert.Equal(["a.4", "a.5"], ids.Take(2).Order(StringComparer.Ordinal)); // the same start: either order, but always the same
        Assert.Equal(["a.3", "a.2", "a.1"], ids.Skip(2));
        Assert.Equal(["b.2", "b.1"], page2.PbxCallIds());
        Assert.Null(page1["next"]);
    }

    [Fact]
    public async Task A_supervisor_and_an_administrator_see_every_call()
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        using var admin = await Server.SignInAsync("admin");
        var all = fixture.CallIds.Keys.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(all, (await supervisor.GetJsonAsync("/api/calls")).PbxCallIds().Order(StringComparer.Ordinal));
        Assert.Equal(all, (await admin.GetJsonAsync("/api/calls")).PbxCallIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_agent_reads_their_own_call_by_id()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var call = await agent1.GetJsonAsync($"/api/calls/{fixture.CallIds["a.1"]}");

        Assert.Equal("a.1", call["pbxCallId"]!.GetValue<string>());
        Assert.Equal("101", call["line"]!.GetValue<string>());
        Assert.Equal("incoming", call["direction"]!.GetValue<string>());
        Assert.Equal("finished", call["state"]!.GetValue<string>());
        Assert.Equal("completed", call["endReason"]!.GetValue<string>());
        Assert.Equal("Ivan Sidorov", call["contactName"]!.GetValue<string>());
        Assert.Equal("Romashka LLC", call["accountName"]!.GetValue<string>());
        Assert.Equal(5, call["timeBeforeConnectionSeconds"]!.GetValue<int>());
        Assert.Equal(120, call["durationSeconds"]!.GetValue<int>());
        Assert.Equal(115, call["talkSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_agent_reading_another_agents_call_by_id_gets_404()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        using var supervisor = await Server.SignInAsync("supervisor");
        var agent2sCall = fixture.CallIds["b.1"];

        Assert.Equal(HttpStatusCode.NotFound, await agent1.GetStatusAsync($"/api/calls/{agent2sCall}"));
        Assert.Equal(HttpStatusCode.OK, await supervisor.GetStatusAsync($"/api/calls/{agent2sCall}"));
    }

    [Fact]
    public async Task An_unknown_call_is_404()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        Assert.Equal(HttpStatusCode.NotFound, await supervisor.GetStatusAsync($"/api/calls/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, await supervisor.GetStatusAsync("/api/calls/not-an-id"));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await supervisor.GetJsonAsync("/api/calls?limit=3" + (next is null ? "" : $"&after={next}"));
            Assert.InRange(page["items"]!.AsArray().Count, 1, 3);
            seen.AddRange(page.PbxCallIds());
            next = page["next"]?.GetValue<string>();
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Newest(await supervisor.GetJsonAsync("/api/calls")), seen);
        Assert.Equal(fixture.CallIds.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("direction=outgoing", new[] { "a.3" })]
    [InlineData("direction=Internal", new[] { "b.2" })]
    [InlineData("result=missed", new[] { "a.2", "a.4" })]
    [InlineData("result=busy", new[] { "c.1" })]
    [InlineData("number=8%20(495)%20123-45-67", new[] { "a.1", "b.1" })]
    [InlineData("number=%2B74951112233", new[] { "a.3" })]
    [InlineData("number=102", new[] { "b.1", "b.2" })]
    [InlineData("from=2025-03-14T12:10:00Z&to=2025-03-14T12:20:00Z", new[] { "a.2", "b.2" })]
    [InlineData("from=2025-03-14T15:35:00%2B03:00", new[] { "c.1" })]
    public async Task Filters_narrow_the_log(string query, string[] expected)
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var page = await supervisor.GetJsonAsync($"/api/calls?{query}");

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.PbxCallIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Calls_of_a_contact_are_found_by_its_id()
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        var ivan = (await supervisor.GetJsonAsync($"/api/calls/{fixture.CallIds["a.1"]}"))["contactId"]!.GetValue<string>();

        Assert.Equal(["a.1"], (await supervisor.GetJsonAsync($"/api/calls?contactId={ivan}")).PbxCallIds());
    }

    [Fact]
    public async Task An_agents_filters_stay_within_their_own_lines()
    {
        using var agent2 = await Server.SignInAsync("agent2");

        Assert.Equal(["b.1"], (await agent2.GetJsonAsync("/api/calls?number=%2B74951234567")).PbxCallIds());
    }

    [Theory]
    [InlineData("direction=sideways", "direction")]
    [InlineData("direction=1", "direction")]
    [InlineData("result=maybe", "result")]
    [InlineData("from=yesterday", "from")]
    [InlineData("contactId=ivan", "contactId")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Wrong_parameters_are_400_naming_the_parameter(string query, string parameter)
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var problem = await supervisor.GetJsonAsync($"/api/calls?{query}", HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task The_lookup_endpoint_returns_ranked_candidates()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var candidates = (await agent1.GetJsonAsync("/api/contacts/lookup?number=984951112233")).AsArray();
        var shared = (await agent1.GetJsonAsync("/api/contacts/lookup?number=%2B74959876543")).AsArray();
        var internalLine = (await agent1.GetJsonAsync("/api/contacts/lookup?number=102")).AsArray();
        var nothing = (await agent1.GetJsonAsync("/api/contacts/lookup")).AsArray();

        var olga = Assert.Single(candidates)!;
        Assert.Equal("Olga Smirnova", olga["contactName"]!.GetValue<string>());
        Assert.Equal("Vector Ltd", olga["accountName"]!.GetValue<string>());
        Assert.Equal("e164", olga["matchedBy"]!.GetValue<string>());
        Assert.Equal(2, shared.Count);
        var boris = Assert.Single(internalLine)!;
        Assert.Equal("extension", boris["matchedBy"]!.GetValue<string>());
        Assert.Equal("Boris Ivanov", boris["userName"]!.GetValue<string>());
        Assert.Empty(nothing);
    }

    private static List<string> Newest(JsonNode page) => page.PbxCallIds();
}

[Collection(CrmApiServer.Name)]
public sealed class SqliteCallsApiTests(SqliteCrmApiFixture fixture) : CallsApiTests(fixture);

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallsApiTests(PostgresCrmApiFixture fixture) : CallsApiTests(fixture), IClassFixture<PostgresCrmApiFixture>;
