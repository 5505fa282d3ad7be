using System.Net;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary><c>GET /api/contacts</c> and <c>GET /api/colleagues</c>: whom an agent can call or transfer to.</summary>
public abstract class ContactSearchApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task A_part_of_a_name_finds_contacts_with_every_number_ignoring_case()
    {
        using var agent = await Server.SignInAsync("agent1");

        var found = (await agent.GetJsonAsync("/api/contacts?search=VOLK")).AsArray();

        Assert.Equal(["Dmitry Volkov", "Elena Volkova"], found.Select(c => c!["contactName"]!.GetValue<string>()));
        var dmitry = found[0]!["phones"]!.AsArray();
        Assert.Equal(["home", "mobile"], dmitry.Select(p => p!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("+74959876543", dmitry.Select(p => p!["e164"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("8 (495) 123-45-67")]
    [InlineData("+7 495 123 45 67")]
    [InlineData("4951234567")]
    public async Task A_number_in_any_format_finds_its_contact_with_the_account(string number)
    {
        using var agent = await Server.SignInAsync("agent1");

        var found = (await agent.GetJsonAsync($"/api/contacts?search={Uri.EscapeDataString(number)}")).AsArray();

        var ivan = Assert.Single(found);
        Assert.Equal("Ivan Sidorov", ivan!["contactName"]!.GetValue<string>());
        Assert.Equal("Romashka LLC", ivan["accountName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_is_found_by_its_name_and_comes_after_contacts()
    {
        using var agent = await Server.SignInAsync("agent1");

        var found = (await agent.GetJsonAsync("/api/contacts?search=london")).AsArray();

        var account = Assert.Single(found);
        Assert.Null(account!["contactId"]);
        Assert.Equal("London Partners", account["accountName"]!.GetValue<string>());
        Assert.Equal("+442079460000", Assert.Single(account["phones"]!.AsArray())!["e164"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("search=a", "search")]
    [InlineData("", "search")]
    [InlineData("search=ivan&limit=0", "limit")]
    [InlineData("search=ivan&limit=many", "limit")]
    public async Task A_search_too_short_or_a_bad_limit_is_400_naming_the_field(string query, string field)
    {
        using var agent = await Server.SignInAsync("agent1");

        using var answer = (await agent.GetAnswerAsync($"/api/contacts?{query}")).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(field));
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_list()
    {
        using var agent = await Server.SignInAsync("agent1");

        Assert.Empty((await agent.GetJsonAsync("/api/contacts?search=zzzz")).AsArray());
        Assert.Empty((await agent.GetJsonAsync("/api/contacts?search=%2B1%20000")).AsArray());
    }

    [Fact]
    public async Task Every_user_sees_the_colleagues_who_own_lines_without_their_logins()
    {
        using var agent = await Server.SignInAsync("agent2");

        var colleagues = (await agent.GetJsonAsync("/api/colleagues")).AsArray();

        Assert.Equal(["101", "102", "103"], colleagues.Select(c => c!["lines"]!.AsArray().Single()!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(colleagues, c => Assert.Null(c!["login"]));
        Assert.Contains(colleagues, c => c!["displayName"]!.GetValue<string>() == "Anna Petrova" && c["teamName"]!.GetValue<string>() == "Front desk");
    }

    [Fact]
    public async Task Searching_contacts_or_colleagues_without_signing_in_is_401()
    {
        using var anonymous = Server.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync("/api/contacts?search=ivan"));
        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync("/api/colleagues"));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresContactSearchApiTests(PostgresCallsSectionFixture fixture) : ContactSearchApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteContactSearchApiTests(SqliteCallsSectionFixture fixture) : ContactSearchApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
