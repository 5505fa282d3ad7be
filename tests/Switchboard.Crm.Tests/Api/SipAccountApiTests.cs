using System.Net;
using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// Web-phone accounts: set by administrators, stored encrypted, returned with the password only to
/// their owner (<c>GET /api/me/sip-account</c>), 404 for a user who has none.
/// </summary>
public abstract class SipAccountApiTests(CallsSectionFixture fixture)
{
    private const string Secret = "correct horse battery staple";

    private CrmTestServer Server => fixture.Server;

    private static object Account(string line) => new
    {
        address = $"sip:{line}@pbx.example.org",
        authUser = line,
        password = Secret,
        webSocketUrl = "wss://pbx.example.org:8089/ws",
        displayName = $"Line {line}",
    };

    [Fact]
    public async Task The_owner_gets_their_account_with_the_password_and_the_store_holds_no_plain_password()
    {
        using var admin = await Server.SignInAsync("admin");
        (await admin.PutJsonAsync($"/api/users/{fixture.UserId("agent1")}/sip-account", Account("101"))).Expect(HttpStatusCode.NoContent).Dispose();
        using var agent1 = await Server.SignInAsync("agent1");

        var own = await agent1.GetJsonAsync("/api/me/sip-account");

        Assert.Equal("sip:101@pbx.example.org", own["address"]!.GetValue<string>());
        Assert.Equal("101", own["authUser"]!.GetValue<string>());
        Assert.Equal(Secret, own["password"]!.GetValue<string>());
        Assert.Equal("wss://pbx.example.org:8089/ws", own["webSocketUrl"]!.GetValue<string>());
        await using var db = await Server.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Timeouts.Token()).WithTimeout();
        var stored = await db.SipAccounts.AsNoTracking().SingleAsync(a => a.UserId == fixture.UserId("agent1"), Timeouts.Token()).WithTimeout();
        Assert.DoesNotContain(Secret, stored.ProtectedPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_reads_an_account_back_without_its_password_and_can_remove_it()
    {
        using var admin = await Server.SignInAsync("admin");
        var path = $"/api/users/{fixture.UserId("supervisor")}/sip-account";
        (await admin.PutJsonAsync(path, Account("103"))).Expect(HttpStatusCode.NoContent).Dispose();

        using var read = (await admin.GetAnswerAsync(path)).Expect(HttpStatusCode.OK);
        (await admin.DeleteAnswerAsync(path)).Expect(HttpStatusCode.NoContent).Dispose();

        Assert.Null(read.Body!["password"]);
        Assert.DoesNotContain(Secret, read.Text, StringComparison.Ordinal);
        Assert.Equal("sip:103@pbx.example.org", read.Body["address"]!.GetValue<string>());
        (await admin.GetAnswerAsync(path)).Expect(HttpStatusCode.NotFound).Dispose();
    }

    [Fact]
    public async Task A_user_without_an_account_gets_404_and_never_anothers_account()
    {
        using var admin = await Server.SignInAsync("admin");
        (await admin.PutJsonAsync($"/api/users/{fixture.UserId("agent1")}/sip-account", Account("101"))).Expect(HttpStatusCode.NoContent).Dispose();
        using var agent2 = await Server.SignInAsync("agent2");

        using var own = (await agent2.GetAnswerAsync("/api/me/sip-account")).Expect(HttpStatusCode.NotFound);

        Assert.DoesNotContain(Secret, own.Text, StringComparison.Ordinal);
        (await agent2.GetAnswerAsync($"/api/users/{fixture.UserId("agent1")}/sip-account")).Expect(HttpStatusCode.Forbidden).Dispose();
        (await agent2.PutJsonAsync($"/api/users/{fixture.UserId("agent2")}/sip-account", Account("102"))).Expect(HttpStatusCode.Forbidden).Dispose();
    }

    [Theory]
    [InlineData("address", "101@pbx.example.org")]
    [InlineData("webSocketUrl", "https://pbx.example.org/ws")]
    [InlineData("authUser", "")]
    [InlineData("password", "")]
    public async Task A_malformed_account_is_400_naming_the_field(string field, string value)
    {
        using var admin = await Server.SignInAsync("admin");
        var body = new Dictionary<string, string>
        {
            ["address"] = "sip:102@pbx.example.org",
            ["authUser"] = "102",
            ["password"] = Secret,
            ["webSocketUrl"] = "wss://pbx.example.org:8089/ws",
            [field] = value,
        };

        using var answer = (await admin.PutJsonAsync($"/api/users/{fixture.UserId("agent2")}/sip-account", body)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout(field));
        Assert.DoesNotContain(Secret, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_for_a_user_who_does_not_exist_is_404()
    {
        using var admin = await Server.SignInAsync("admin");

        (await admin.PutJsonAsync($"/api/users/{Guid.NewGuid()}/sip-account", Account("199"))).Expect(HttpStatusCode.NotFound).Dispose();
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresSipAccountApiTests(PostgresCallsSectionFixture fixture) : SipAccountApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteSipAccountApiTests(SqliteCallsSectionFixture fixture) : SipAccountApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
