using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Crm.Demo;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary><c>/api/users</c>: administrators manage users, roles, lines and passwords.</summary>
public abstract class UsersApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task The_administrator_lists_every_user_with_their_role_and_lines()
    {
        using var admin = await Server.SignInAsync("admin");

        var users = (await admin.GetJsonAsync("/api/users")).AsArray();

        var supervisor = users.Single(u => u!["login"]!.GetValue<string>() == "supervisor")!;
        Assert.Equal("supervisor", supervisor["role"]!.GetValue<string>());
        Assert.Equal(["103"], supervisor["lines"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.All(users, u => Assert.Null(u!["passwordHash"]));
        Assert.All(users, u => Assert.Null(u!["securityStamp"]));
    }

    [Fact]
    public async Task A_created_user_signs_in_owns_the_lines_and_is_found_by_them()
    {
        using var admin = await Server.SignInAsync("admin");

        using var created = (await admin.PostAsync("/api/users", new
        {
            login = "agent3",
            displayName = "Vera Lebedeva",
            role = "agent",
            password = "vera-password",
            lines = new[] { "701", " 702 ", "701" },
        })).Expect(HttpStatusCode.Created);
        var id = created.Body!["id"]!.GetValue<Guid>();
        using var vera = Server.CreateClient(await Server.LoginAsync("agent3", "vera-password"));
        var me = await vera.GetJsonAsync("/api/me");
        var lookup = (await vera.GetJsonAsync("/api/contacts/lookup?number=702")).AsArray();

        Assert.EndsWith($"/api/users/{id}", created.Response.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["701", "702"], me["lines"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("agent", me["role"]!.GetValue<string>());
        Assert.Equal("Vera Lebedeva", Assert.Single(lookup)!["userName"]!.GetValue<string>());
        Assert.Equal(id, (await admin.GetJsonAsync($"/api/users/{id}"))["id"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("agent1")]
    [InlineData("AGENT1")]
    public async Task A_login_another_user_has_is_409_whatever_its_case(string login)
    {
        using var admin = await Server.SignInAsync("admin");

        (await admin.PostAsync("/api/users", new { login, displayName = "Impostor", role = "agent", password = "impostor-password" }))
            .Expect(HttpStatusCode.Conflict).Dispose();
        (await admin.PutJsonAsync($"/api/users/{fixture.UserId("agent2")}", new { login, displayName = "Boris Ivanov", role = "agent" }))
            .Expect(HttpStatusCode.Conflict).Dispose();
    }

    [Fact]
    public async Task A_line_another_user_owns_is_409_naming_it_and_changes_nothing()
    {
        using var admin = await Server.SignInAsync("admin");

        using var creating = (await admin.PostAsync("/api/users", new { login = "agent4", displayName = "Gleb", role = "agent", password = "gleb-password", lines = new[] { "101", "704" } }))
            .Expect(HttpStatusCode.Conflict);
        using var created = (await admin.PostAsync("/api/users", new { login = "agent4", displayName = "Gleb", role = "agent", password = "gleb-password", lines = new[] { "704" } }))
            .Expect(HttpStatusCode.Created);
        var gleb = created.Body!["id"]!.GetValue<Guid>();
        using var moving = (await admin.PutJsonAsync($"/api/users/{gleb}/lines", new { lines = new[] { "705", "102", "103" } })).Expect(HttpStatusCode.Conflict);

        Assert.Equal(["101"], Lines(creating.Body!["lines"]!));
        Assert.Equal(["102", "103"], Lines(moving.Body!["lines"]!));
        Assert.Equal(["704"], Lines((await admin.GetJsonAsync($"/api/users/{gleb}"))["lines"]!));
        Assert.Equal(["102"], Lines((await admin.GetJsonAsync($"/api/users/{fixture.UserId("agent2")}"))["lines"]!));
    }

    [Fact]
    public async Task Lines_are_set_as_a_whole_and_a_freed_line_can_go_to_another_user()
    {
        using var admin = await Server.SignInAsync("admin");
        var first = await CreateAsync(admin, "agent5", "agent", "711", "712");
        var second = await CreateAsync(admin, "agent6", "agent");

        using var moved = (await admin.PutJsonAsync($"/api/users/{first}/lines", new { lines = new[] { "712", "713" } })).Expect(HttpStatusCode.OK);
        using var given = (await admin.PutJsonAsync($"/api/users/{second}/lines", new { lines = new[] { "711" } })).Expect(HttpStatusCode.OK);
        using var none = (await admin.PutJsonAsync($"/api/users/{first}/lines", new { lines = Array.Empty<string>() })).Expect(HttpStatusCode.OK);

        Assert.Equal(["712", "713"], Lines(moved.Body!["lines"]!));
        Assert.Equal(["711"], Lines(given.Body!["lines"]!));
        Assert.Empty(none.Body!["lines"]!.AsArray());
    }

    [Fact]
    public async Task Changing_a_users_login_or_role_ends_their_sign_ins_but_a_new_display_name_does_not()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateAsync(admin, "agent7", "agent", "721");
        using var before = Server.CreateClient(await Server.LoginAsync("agent7", "agent7-password"));

        (await admin.PutJsonAsync($"/api/users/{id}", new { login = "agent7", displayName = "Renamed", role = "agent" })).Expect(HttpStatusCode.OK).Dispose();
        var renamed = await before.GetJsonAsync("/api/me");
        using var promoted = (await admin.PutJsonAsync($"/api/users/{id}", new { login = "lead7", displayName = "Renamed", role = "Supervisor" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Renamed", renamed["displayName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, await before.GetStatusAsync("/api/me"));
        Assert.Equal("supervisor", promoted.Body!["role"]!.GetValue<string>());
        using var after = Server.CreateClient(await Server.LoginAsync("lead7", "agent7-password"));

        // A supervisor in no team reads their own lines' calls; in the demo's team, its members' too.
        Assert.Empty((await after.GetJsonAsync("/api/calls?limit=200")).PbxCallIds());
        var frontDesk = (await admin.GetJsonAsync("/api/teams")).AsArray().Single(t => t!["name"]!.GetValue<string>() == DemoData.Team)!["id"];
        (await admin.PutJsonAsync($"/api/users/{id}/team", new { teamId = frontDesk!.GetValue<Guid>() })).Expect(HttpStatusCode.OK).Dispose();
        Assert.Equal(fixture.All.Count(), (await after.GetJsonAsync("/api/calls?limit=200")).PbxCallIds().Count);
    }

    [Fact]
    public async Task A_new_password_signs_in_and_ends_the_sign_ins_made_with_the_old_one()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateAsync(admin, "agent8", "agent");
        using var before = Server.CreateClient(await Server.LoginAsync("agent8", "agent8-password"));

        (await admin.PutJsonAsync($"/api/users/{id}/password", new { password = "a-new-password" })).Expect(HttpStatusCode.NoContent).Dispose();

        Assert.Equal(HttpStatusCode.Unauthorized, await before.GetStatusAsync("/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.TryLoginAsync("agent8", "agent8-password", from: LoopbackAddresses.Next()));
        Assert.Equal(HttpStatusCode.OK, await Server.TryLoginAsync("agent8", "a-new-password"));
    }

    [Fact]
    public async Task A_removed_user_is_signed_out_and_their_lines_and_calls_stay_usable()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateAsync(admin, "agent9", "agent", "731");
        using var before = Server.CreateClient(await Server.LoginAsync("agent9", "agent9-password"));

        (await admin.DeleteAnswerAsync($"/api/users/{id}")).Expect(HttpStatusCode.NoContent).Dispose();

        Assert.Equal(HttpStatusCode.Unauthorized, await before.GetStatusAsync("/api/me"));
        Assert.Equal(HttpStatusCode.NotFound, await admin.GetStatusAsync($"/api/users/{id}"));
        Assert.Empty((await admin.GetJsonAsync("/api/contacts/lookup?number=731")).AsArray());
        await CreateAsync(admin, "agent10", "agent", "731");
    }

    [Fact]
    public async Task The_last_administrator_can_be_neither_demoted_nor_removed_but_one_of_two_can()
    {
        using var admin = await Server.SignInAsync("admin");
        var original = fixture.UserId("admin");

        (await admin.PutJsonAsync($"/api/users/{original}", new { login = "admin", displayName = "Administrator", role = "agent" })).Expect(HttpStatusCode.Conflict).Dispose();
        (await admin.DeleteAnswerAsync($"/api/users/{original}")).Expect(HttpStatusCode.Conflict).Dispose();
        var second = await CreateAsync(admin, "admin2", "administrator");
        (await admin.PutJsonAsync($"/api/users/{second}", new { login = "admin2", displayName = "Second", role = "agent" })).Expect(HttpStatusCode.OK).Dispose();
        (await admin.DeleteAnswerAsync($"/api/users/{second}")).Expect(HttpStatusCode.NoContent).Dispose();

        Assert.Equal("administrator", (await admin.GetJsonAsync("/api/me"))["role"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"displayName\":\"X\",\"role\":\"agent\",\"password\":\"long-enough\"}", "login")]
    [InlineData("{\"login\":\"two words\",\"displayName\":\"X\",\"role\":\"agent\",\"password\":\"long-enough\"}", "login")]
    [InlineData("{\"login\":\"x1\",\"role\":\"agent\",\"password\":\"long-enough\"}", "displayName")]
    [InlineData("{\"login\":\"x1\",\"displayName\":\"X\",\"role\":\"boss\",\"password\":\"long-enough\"}", "role")]
    [InlineData("{\"login\":\"x1\",\"displayName\":\"X\",\"role\":\"1\",\"password\":\"long-enough\"}", "role")]
    [InlineData("{\"login\":\"x1\",\"displayName\":\"X\",\"role\":\"agent\"}", "password")]
    [InlineData("{\"login\":\"x1\",\"displayName\":\"X\",\"role\":\"agent\",\"password\":\"short\"}", "password")]
    [InlineData("{\"login\":\"x1\",\"displayName\":\"X\",\"role\":\"agent\",\"password\":\"long-enough\",\"lines\":[\"10 1\"]}", "lines")]
    [InlineData("{\"login\":\"x1\",\"displayName\":\"X\",\"role\":\"agent\",\"password\":\"long-enough\",\"lines\":[\"\"]}", "lines")]
    public async Task A_user_with_a_missing_or_wrong_field_is_400_naming_it(string body, string field)
    {
        using var admin = await Server.SignInAsync("admin");

        using var answer = (await admin.SendRawJsonAsync(HttpMethod.Post, "/api/users", body)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(field));
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/users")).AsArray(), u => u!["login"]!.GetValue<string>() == "x1");
    }

    [Theory]
    [InlineData("", "{\"login\":\"agent2\",\"displayName\":\"Boris Ivanov\"}", "role")]
    [InlineData("/lines", "{}", "lines")]
    [InlineData("/lines", "{\"lines\":[\"" + "123456789012345678901234567890123" + "\"]}", "lines")]
    [InlineData("/password", "{\"password\":\"1234567\"}", "password")]
    [InlineData("/password", "{}", "password")]
    public async Task A_change_with_a_missing_or_wrong_field_is_400_naming_it(string path, string body, string field)
    {
        using var admin = await Server.SignInAsync("admin");

        using var answer = (await admin.SendRawJsonAsync(HttpMethod.Put, $"/api/users/{fixture.UserId("agent2")}{path}", body)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(field));
    }

    [Fact]
    public async Task A_user_that_does_not_exist_is_404()
    {
        using var admin = await Server.SignInAsync("admin");
        var nobody = Guid.NewGuid();

        (await admin.GetAnswerAsync($"/api/users/{nobody}")).Expect(HttpStatusCode.NotFound).Dispose();
        (await admin.PutJsonAsync($"/api/users/{nobody}", new { login = "ghost", displayName = "Ghost", role = "agent" })).Expect(HttpStatusCode.NotFound).Dispose();
        (await admin.PutJsonAsync($"/api/users/{nobody}/lines", new { lines = new[] { "799" } })).Expect(HttpStatusCode.NotFound).Dispose();
        (await admin.PutJsonAsync($"/api/users/{nobody}/password", new { password = "ghost-password" })).Expect(HttpStatusCode.NotFound).Dispose();
        (await admin.DeleteAnswerAsync($"/api/users/{nobody}")).Expect(HttpStatusCode.NotFound).Dispose();
    }

    /// <summary>Creates a user whose password is their login followed by "-password".</summary>
    private static async Task<Guid> CreateAsync(HttpClient admin, string login, string role, params string[] lines)
    {
        using var created = (await admin.PostAsync("/api/users", new { login, displayName = login, role, password = $"{login}-password", lines }))
            .Expect(HttpStatusCode.Created);
        return created.Body!["id"]!.GetValue<Guid>();
    }

    private static List<string> Lines(JsonNode lines) => lines.AsArray().Select(l => l!.GetValue<string>()).ToList();
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresUsersApiTests(PostgresCallsSectionFixture fixture) : UsersApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteUsersApiTests(SqliteCallsSectionFixture fixture) : UsersApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
