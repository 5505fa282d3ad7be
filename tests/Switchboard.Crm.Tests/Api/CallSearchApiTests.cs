using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>The Calls section's list: the agent and account filters, the sort orders and their keyset paging.</summary>
public abstract class CallSearchApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task The_agent_filter_finds_the_calls_that_user_handled()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var anna = await supervisor.GetJsonAsync($"/api/calls?agent={fixture.UserId("agent1")}&limit=200");
        var boris = await supervisor.GetJsonAsync($"/api/calls?agent={fixture.UserId("agent2")}&limit=200");

        Assert.Equal(fixture.Line101.Order(StringComparer.Ordinal), anna.PbxCallIds().Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Line102.Order(StringComparer.Ordinal), boris.PbxCallIds().Order(StringComparer.Ordinal));
        Assert.All(anna["items"]!.AsArray(), call => Assert.Equal("Anna Petrova", call!["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_account_filter_finds_the_calls_linked_to_that_account()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var page = await supervisor.GetJsonAsync($"/api/calls?accountId={fixture.AccountId("Romashka LLC")}");

        Assert.Equal(["s.1", "s.4"], page.PbxCallIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_combine()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var page = await supervisor.GetJsonAsync(
            $"/api/calls?accountId={fixture.AccountId("Romashka LLC")}&agent={fixture.UserId("agent2")}&direction=incoming");

        Assert.Equal(["s.4"], page.PbxCallIds());
    }

    [Fact]
    public async Task An_agent_filtering_by_another_agent_finds_nothing()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var page = await agent1.GetJsonAsync($"/api/calls?agent={fixture.UserId("agent2")}");

        Assert.Empty(page.PbxCallIds());
    }

    [Theory]
    [InlineData("", new[] { "s.9", "s.12", "s.11", "s.10", "s.6" })]
    [InlineData("sort=startedAt&order=desc", new[] { "s.9", "s.12", "s.11", "s.10", "s.6" })]
    [InlineData("sort=startedAt&order=asc", new[] { "s.1", "s.4", "s.2", "s.5", "s.3" })]
    [InlineData("sort=duration", new[] { "s.3", "s.4" })]
    [InlineData("sort=Duration&order=ASC", new[] { "s.6", "s.9", "s.2", "s.10", "s.12" })]
    public async Task The_log_comes_in_the_order_asked_for(string query, string[] first)
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        var ids = (await supervisor.GetJsonAsync($"/api/calls?{query}&limit=200")).PbxCallIds();

        Assert.Equal(first, ids.Take(first.Length));
        Assert.Equal(fixture.All.Count(), ids.Count);
    }

    [Theory]
    [InlineData("startedAt", "desc")]
    [InlineData("startedAt", "asc")]
    [InlineData("duration", "desc")]
    [InlineData("duration", "asc")]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_in_every_order(string sort, string order)
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        var whole = await supervisor.GetJsonAsync($"/api/calls?sort={sort}&order={order}&limit=200");

        var paged = new List<JsonNode>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await supervisor.GetJsonAsync($"/api/calls?sort={sort}&order={order}&limit=2" + (next is null ? "" : $"&after={next}"));
            paged.AddRange(page["items"]!.AsArray().Select(i => i!));
            next = page["next"]?.GetValue<string>();
            pages++;
        }
        while (next is not null && pages < 20);

        Assert.Equal(whole.PbxCallIds(), paged.Select(i => i["pbxCallId"]!.GetValue<string>()));
        Assert.Equal(fixture.All.Count(), paged.Select(i => i["id"]!.GetValue<string>()).Distinct().Count());
        var keys = paged.Select(i => sort == "duration"
            ? i["durationSeconds"]!.GetValue<int>()
            : i["startedAt"]!.GetValue<DateTimeOffset>().UtcTicks).ToList();
        var sorted = order == "asc" ? keys.Order().ToList() : keys.OrderDescending().ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public async Task Calls_of_the_same_duration_keep_one_order_across_pages()
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        var tied = new[] { "s.5", "s.7", "s.8" };

        var whole = (await supervisor.GetJsonAsync("/api/calls?sort=duration&limit=200")).PbxCallIds().Where(tied.Contains).ToList();
        var first = await supervisor.GetJsonAsync("/api/calls?sort=duration&limit=5"); // 300, 240, 120, 120, then the first of the 60s
        var rest = await supervisor.GetJsonAsync($"/api/calls?sort=duration&limit=200&after={first["next"]!.GetValue<string>()}");

        Assert.Equal(whole, first.PbxCallIds().Concat(rest.PbxCallIds()).Where(tied.Contains));
        Assert.Equal(3, whole.Count);
    }

    [Theory]
    [InlineData("agent=anna", "agent")]
    [InlineData("accountId=romashka", "accountId")]
    [InlineData("sort=name", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("number=101%00", "number")]
    public async Task Wrong_filters_and_orders_are_400_naming_the_parameter(string query, string parameter)
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        using var answer = (await supervisor.GetAnswerAsync($"/api/calls?{query}")).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(parameter));
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("%2B7%20(495)%20abc")]
    [InlineData("anonymous")]
    [InlineData("")]
    [InlineData("%D9%A1%D9%A0%D9%A1")]
    public async Task The_lookup_answers_garbage_with_no_candidates_not_an_error(string number)
    {
        using var agent1 = await Server.SignInAsync("agent1");

        Assert.Empty((await agent1.GetJsonAsync($"/api/contacts/lookup?number={number}")).AsArray());
    }

    [Fact]
    public async Task A_page_cursor_of_one_order_is_refused_in_another()
    {
        using var supervisor = await Server.SignInAsync("supervisor");
        var next = (await supervisor.GetJsonAsync("/api/calls?sort=duration&limit=2"))["next"]!.GetValue<string>();

        using var answer = (await supervisor.GetAnswerAsync($"/api/calls?after={next}")).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("after"));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallSearchApiTests(PostgresCallsSectionFixture fixture) : CallSearchApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteCallSearchApiTests(SqliteCallsSectionFixture fixture) : CallSearchApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
