using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// Sessions kept server-side, on both engines: logout ends one session (every token of it, refresh
/// included) and no other; refresh continues the same session; a disabled user cannot sign in;
/// the batch judgement answers for many sessions at once, to administrators only.
/// </summary>
public abstract class SessionApiTests(CallsSectionFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task Logout_ends_the_session_for_its_token_and_every_token_refreshed_from_it_and_for_no_other()
    {
        using var first = await Server.SignInAsync("agent2");
        using var second = await Server.SignInAsync("agent2");
        using var refreshed = (await first.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.OK);
        using var continued = Server.CreateClient(refreshed.Body!["token"]!.GetValue<string>());

        (await first.PostAsync("/api/auth/logout")).Expect(HttpStatusCode.NoContent).Dispose();

        Assert.Equal(HttpStatusCode.Unauthorized, await first.GetStatusAsync("/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await continued.GetStatusAsync("/api/me"));
        (await continued.PostAsync("/api/auth/refresh")).Expect(HttpStatusCode.Unauthorized).Dispose();
        Assert.Equal(HttpStatusCode.OK, await second.GetStatusAsync("/api/me"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_the_last_administrator_cannot_be_disabled()
    {
        using var admin = await Server.SignInAsync("admin");
        using var created = (await admin.PostAsync("/api/users", new { login = "sess-off", displayName = "Off", role = "agent", password = "off-password" })).Expect(HttpStatusCode.Created);
        var id = created.Body!["id"]!.GetValue<Guid>();

        using var disabled = (await admin.PutJsonAsync($"/api/users/{id}", new { login = "sess-off", displayName = "Off", role = "agent", disabled = true })).Expect(HttpStatusCode.OK);
        Assert.True(disabled.Body!["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, await Server.TryLoginAsync("sess-off", "off-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.TryLoginAsync("sess-off", "wrong-password"));

        // Leaving out "disabled" keeps it as it is.
        using var renamed = (await admin.PutJsonAsync($"/api/users/{id}", new { login = "sess-off", displayName = "Still off", role = "agent" })).Expect(HttpStatusCode.OK);
        Assert.True(renamed.Body!["disabled"]!.GetValue<bool>());

        var adminId = (await admin.GetJsonAsync("/api/me"))["id"]!.GetValue<Guid>();
        (await admin.PutJsonAsync($"/api/users/{adminId}", new { login = "admin", displayName = "Administrator", role = "administrator", disabled = true }))
            .Expect(HttpStatusCode.Conflict).Dispose();
        (await admin.DeleteAnswerAsync($"/api/users/{id}")).Expect(HttpStatusCode.NoContent).Dispose();
    }

    [Fact]
    public async Task The_batch_judgement_returns_the_good_sessions_with_their_users_to_administrators_only()
    {
        using var admin = await Server.SignInAsync("admin");
        var good = SessionOf(await Server.LoginAsync("agent1", "demo-agent1"));
        var loggedOut = await Server.LoginAsync("agent1", "demo-agent1");
        var ended = SessionOf(loggedOut);
        using (var client = Server.CreateClient(loggedOut))
        {
            (await client.PostAsync("/api/auth/logout")).Expect(HttpStatusCode.NoContent).Dispose();
        }

        var forged = good with { Stamp = "not-the-stamp" };
        var body = new { sessions = new[] { good, ended, forged with { SessionId = Guid.NewGuid() } } };

        using var answer = (await admin.PostAsync("/api/auth/sessions/check", body)).Expect(HttpStatusCode.OK);
        var sessions = answer.Body!["sessions"]!.AsArray();
        var only = Assert.Single(sessions);
        Assert.Equal(good.SessionId, only!["sessionId"]!.GetValue<Guid>());
        Assert.Equal(["101"], only["user"]!["lines"]!.AsArray().Select(l => l!.GetValue<string>()));

        using var agent = await Server.SignInAsync("agent1");
        (await agent.PostAsync("/api/auth/sessions/check", body)).Expect(HttpStatusCode.Forbidden).Dispose();
        (await admin.PostAsync("/api/auth/sessions/check", new { sessions = Enumerable.Repeat(good, 1001) })).Expect(HttpStatusCode.BadRequest).Dispose();
    }

    private static SessionItem SessionOf(string token)
    {
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]))!;
        return new SessionItem(
            Guid.Parse(payload["sub"]!.GetValue<string>()),
            Guid.Parse(payload["sid"]!.GetValue<string>()),
            payload["stamp"]!.GetValue<string>());
    }

    private sealed record SessionItem(Guid UserId, Guid SessionId, string Stamp);
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresSessionApiTests(PostgresCallsSectionFixture fixture) : SessionApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteSessionApiTests(SqliteCallsSectionFixture fixture) : SessionApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
