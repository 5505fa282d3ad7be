using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// <c>PUT /api/users/{id}/phone-style</c> and <c>phoneStyle</c> in the user JSON: third party by
/// default, the web phone only with a SIP account, back to third party when the account goes; set
/// by administrators only. Each test makes users of its own, so the tests share one server.
/// </summary>
public abstract class PhoneStyleApiTests(CallsSectionFixture fixture)
{
    private const string Password = "style-password";

    private CrmTestServer Server => fixture.Server;

    private static object Account(string line) => new
    {
        address = $"sip:{line}@webphone.test",
        authUser = line,
        password = "sip-secret",
        webSocketUrl = "ws://127.0.0.1:8088",
    };

    private static string StylePath(Guid id) => $"/api/users/{id}/phone-style";

    private static async Task<Guid> CreateUserAsync(HttpClient admin, string login, string? line = null)
    {
        string[] lines = line is null ? [] : [line];
        using var created = (await admin.PostAsync("/api/users", new { login, displayName = login, role = "agent", password = Password, lines }))
            .Expect(HttpStatusCode.Created);
        return created.Body!["id"]!.GetValue<Guid>();
    }

    private static string StyleOf(JsonNode user) => user["phoneStyle"]!.GetValue<string>();

    [Fact]
    public async Task A_new_user_is_third_party_in_their_own_view_in_the_list_and_in_the_user_json()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateUserAsync(admin, "style.new", "801");
        using var user = await Server.SignInAsync("style.new", Password);

        var me = await user.GetJsonAsync("/api/me");
        var listed = (await admin.GetJsonAsync("/api/users")).AsArray().Single(u => u!["id"]!.GetValue<Guid>() == id)!;
        var read = await admin.GetJsonAsync($"/api/users/{id}");

        Assert.Equal("thirdParty", StyleOf(me));
        Assert.Equal("thirdParty", StyleOf(listed));
        Assert.Equal("thirdParty", StyleOf(read));
    }

    [Fact]
    public async Task The_web_phone_without_a_sip_account_is_409_saying_so_and_the_user_stays_third_party()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateUserAsync(admin, "style.noaccount", "802");

        using var refused = (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.Conflict);

        Assert.Contains("SIP account", refused.Body!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("thirdParty", StyleOf(await admin.GetJsonAsync($"/api/users/{id}")));
    }

    [Fact]
    public async Task With_a_sip_account_the_administrator_sets_the_web_phone_and_the_user_sees_it_without_signing_in_again()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateUserAsync(admin, "style.web", "803");
        using var user = await Server.SignInAsync("style.web", Password);
        (await admin.PutJsonAsync($"/api/users/{id}/sip-account", Account("803"))).Expect(HttpStatusCode.NoContent).Dispose();

        using var set = (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.OK);

        Assert.Equal(id, set.Body!["id"]!.GetValue<Guid>());
        Assert.Equal("webPhone", StyleOf(set.Body));
        Assert.Equal("webPhone", StyleOf(await user.GetJsonAsync("/api/me")));
        Assert.Equal("webPhone", StyleOf((await admin.GetJsonAsync("/api/users")).AsArray().Single(u => u!["id"]!.GetValue<Guid>() == id)!));
        Assert.Equal("sip:803@webphone.test", (await user.GetJsonAsync("/api/me/sip-account"))["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_open_calls_the_messaging_service_closes_after_a_restart_leave_out_web_phone_lines()
    {
        using var admin = await Server.SignInAsync("admin");
        var webPhoneUser = await CreateUserAsync(admin, "style.open.web", "806");
        await CreateUserAsync(admin, "style.open.pbx", "807");
        (await admin.PutJsonAsync($"/api/users/{webPhoneUser}/sip-account", Account("806"))).Expect(HttpStatusCode.NoContent).Dispose();
        (await admin.PutJsonAsync(StylePath(webPhoneUser), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.OK).Dispose();
        foreach (var line in new[] { "806", "807" })
        {
            var ringing = new { conversationId = $"open-{line}", direction = "incoming", callerNumber = "+74951234567", calleeNumber = line, state = "alerting", startedAt = DateTimeOffset.UtcNow };
            (await admin.PutJsonAsync($"/api/calls/pbx/open-{line}@webphone.test/{line}", ringing)).Expect(HttpStatusCode.OK).Dispose();
        }

        var open = (await admin.GetJsonAsync("/api/calls/open")).AsArray().Select(i => i!["line"]!.GetValue<string>()).ToList();

        Assert.Contains("807", open);
        Assert.DoesNotContain("806", open);
    }

    [Fact]
    public async Task Removing_the_sip_account_puts_a_web_phone_user_back_on_third_party()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateUserAsync(admin, "style.removed", "804");
        (await admin.PutJsonAsync($"/api/users/{id}/sip-account", Account("804"))).Expect(HttpStatusCode.NoContent).Dispose();
        (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.OK).Dispose();

        (await admin.DeleteAnswerAsync($"/api/users/{id}/sip-account")).Expect(HttpStatusCode.NoContent).Dispose();

        using var user = await Server.SignInAsync("style.removed", Password);
        Assert.Equal("thirdParty", StyleOf(await user.GetJsonAsync("/api/me")));
        (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.Conflict).Dispose();
    }

    [Fact]
    public async Task Going_back_to_third_party_keeps_the_sip_account_for_later()
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateUserAsync(admin, "style.back", "805");
        (await admin.PutJsonAsync($"/api/users/{id}/sip-account", Account("805"))).Expect(HttpStatusCode.NoContent).Dispose();
        (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.OK).Dispose();

        using var back = (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "thirdParty" })).Expect(HttpStatusCode.OK);

        Assert.Equal("thirdParty", StyleOf(back.Body!));
        Assert.Equal("805", (await admin.GetJsonAsync($"/api/users/{id}/sip-account"))["authUser"]!.GetValue<string>());
        (await admin.PutJsonAsync(StylePath(id), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.OK).Dispose();
    }

    [Theory]
    [InlineData("agent1")]
    [InlineData("supervisor")]
    public async Task Agents_and_supervisors_cannot_set_a_phone_style_not_even_their_own(string login)
    {
        using var admin = await Server.SignInAsync("admin");
        var own = fixture.UserId(login);
        (await admin.PutJsonAsync($"/api/users/{own}/sip-account", Account(login == "agent1" ? "101" : "103"))).Expect(HttpStatusCode.NoContent).Dispose();
        using var client = await Server.SignInAsync(login);

        using var refused = (await client.PutJsonAsync(StylePath(own), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.Forbidden);
        (await client.PutJsonAsync(StylePath(fixture.UserId("agent2")), new { phoneStyle = "thirdParty" })).Expect(HttpStatusCode.Forbidden).Dispose();

        Assert.Equal("thirdParty", StyleOf(await client.GetJsonAsync("/api/me")));
    }

    [Fact]
    public async Task Without_signing_in_it_is_401()
    {
        using var anonymous = Server.CreateClient();

        (await anonymous.PutJsonAsync(StylePath(fixture.UserId("agent2")), new { phoneStyle = "webPhone" })).Expect(HttpStatusCode.Unauthorized).Dispose();
    }

    [Theory]
    [InlineData("""{"phoneStyle":"deskPhone"}""")]
    [InlineData("""{"phoneStyle":"1"}""")]
    [InlineData("""{"phoneStyle":"webPhone,thirdParty"}""")]
    [InlineData("""{"phoneStyle":""}""")]
    [InlineData("""{"phoneStyle":null}""")]
    [InlineData("""{}""")]
    public async Task A_phone_style_that_is_not_one_of_the_two_is_400_naming_the_field(string body)
    {
        using var admin = await Server.SignInAsync("admin");
        var id = await CreateUserAsync(admin, $"style.{Guid.NewGuid():N}");

        using var answer = (await admin.PutRawJsonAsync(StylePath(id), body)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("phoneStyle"));
        Assert.Equal("thirdParty", StyleOf(await admin.GetJsonAsync($"/api/users/{id}")));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        using var admin = await Server.SignInAsync("admin");

        (await admin.PutRawJsonAsync(StylePath(fixture.UserId("agent2")), "{phoneStyle: webPhone")).Expect(HttpStatusCode.BadRequest).Dispose();
    }

    [Fact]
    public async Task A_user_who_does_not_exist_is_404()
    {
        using var admin = await Server.SignInAsync("admin");

        (await admin.PutJsonAsync(StylePath(Guid.NewGuid()), new { phoneStyle = "thirdParty" })).Expect(HttpStatusCode.NotFound).Dispose();
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresPhoneStyleApiTests(PostgresCallsSectionFixture fixture) : PhoneStyleApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqlitePhoneStyleApiTests(SqliteCallsSectionFixture fixture) : PhoneStyleApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
