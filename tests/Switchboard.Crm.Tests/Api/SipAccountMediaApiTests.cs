using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// The web phone's media settings in its account: DTMF by SIP INFO as an option (RFC 4733 by
/// default) and STUN/TURN servers, set by an administrator and returned to the owner; the TURN
/// credential is kept as the SIP password is (encrypted, never shown to administrators).
/// </summary>
public abstract class SipAccountMediaApiTests(CallsSectionFixture fixture)
{
    private const string TurnSecret = "turn-credential-d81f0c";

    private CrmTestServer Server => fixture.Server;

    private string PathOf(string login) => $"/api/users/{fixture.UserId(login)}/sip-account";

    private static JsonObject Account(string line) => new()
    {
        ["address"] = $"sip:{line}@pbx.example.org",
        ["authUser"] = line,
        ["password"] = "sip-password",
        ["webSocketUrl"] = "wss://pbx.example.org:8089/ws",
    };

    private static JsonObject WithMedia(JsonObject account)
    {
        account["dtmfTransport"] = "info";
        account["iceServers"] = new JsonArray(
            new JsonObject { ["urls"] = new JsonArray("stun:stun.example.org:3478") },
            new JsonObject { ["urls"] = new JsonArray("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"), ["username"] = "agent1", ["credential"] = TurnSecret });
        return account;
    }

    [Fact]
    public async Task Dtmf_by_info_and_ice_servers_reach_the_owner_with_the_turn_credential_and_administrators_without_it()
    {
        using var admin = await Server.SignInAsync("admin");
        (await admin.PutJsonAsync(PathOf("agent1"), WithMedia(Account("101")))).Expect(HttpStatusCode.NoContent).Dispose();
        using var agent1 = await Server.SignInAsync("agent1");

        var own = await agent1.GetJsonAsync("/api/me/sip-account");
        using var read = (await admin.GetAnswerAsync(PathOf("agent1"))).Expect(HttpStatusCode.OK);

        Assert.Equal("info", own["dtmfTransport"]!.GetValue<string>());
        var servers = own["iceServers"]!.AsArray();
        Assert.Equal(["stun:stun.example.org:3478"], servers[0]!["urls"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(("agent1", TurnSecret), (servers[1]!["username"]!.GetValue<string>(), servers[1]!["credential"]!.GetValue<string>()));
        Assert.Equal(2, servers[1]!["urls"]!.AsArray().Count);

        Assert.Equal("info", read.Body!["dtmfTransport"]!.GetValue<string>());
        Assert.True(read.Body["iceServers"]![1]!["hasCredential"]!.GetValue<bool>());
        Assert.False(read.Body["iceServers"]![0]!["hasCredential"]!.GetValue<bool>());
        Assert.DoesNotContain(TurnSecret, read.Text, StringComparison.Ordinal);

        await using var db = await Server.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Timeouts.Token()).WithTimeout();
        var stored = await db.SipAccounts.AsNoTracking().SingleAsync(a => a.UserId == fixture.UserId("agent1"), Timeouts.Token()).WithTimeout();
        Assert.DoesNotContain(TurnSecret, stored.ProtectedIceServers, StringComparison.Ordinal);
        Assert.DoesNotContain("turn.example.org", stored.ProtectedIceServers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Left_out_dtmf_goes_in_the_media_and_no_ice_server_is_used_and_a_new_save_clears_the_old_servers()
    {
        using var admin = await Server.SignInAsync("admin");
        (await admin.PutJsonAsync(PathOf("agent2"), WithMedia(Account("102")))).Expect(HttpStatusCode.NoContent).Dispose();
        (await admin.PutJsonAsync(PathOf("agent2"), Account("102"))).Expect(HttpStatusCode.NoContent).Dispose();
        using var agent2 = await Server.SignInAsync("agent2");

        var own = await agent2.GetJsonAsync("/api/me/sip-account");

        Assert.Equal("rfc4733", own["dtmfTransport"]!.GetValue<string>());
        Assert.Empty(own["iceServers"]!.AsArray());
    }

    [Theory]
    [InlineData("""[{"urls":["turn:turn.example.org"],"username":"u"}]""")]
    [InlineData("""[{"urls":["turn:turn.example.org"],"credential":"turn-credential-d81f0c"}]""")]
    [InlineData("""[{"urls":["http://stun.example.org"]}]""")]
    [InlineData("""[{"urls":[]}]""")]
    [InlineData("""[{"urls":["stun:a b"]}]""")]
    public async Task Malformed_ice_servers_are_400_naming_the_field_and_never_echo_a_credential(string iceServers)
    {
        using var admin = await Server.SignInAsync("admin");
        var body = Account("103");
        body["iceServers"] = JsonNode.Parse(iceServers);

        using var answer = (await admin.PutJsonAsync(PathOf("supervisor"), body)).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("iceServers"));
        Assert.DoesNotContain(TurnSecret, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dtmf_transport_is_400()
    {
        using var admin = await Server.SignInAsync("admin");
        var body = Account("103");
        body["dtmfTransport"] = "smoke-signals";

        (await admin.PutJsonAsync(PathOf("supervisor"), body)).Expect(HttpStatusCode.BadRequest).Dispose();
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresSipAccountMediaApiTests(PostgresCallsSectionFixture fixture) : SipAccountMediaApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteSipAccountMediaApiTests(SqliteCallsSectionFixture fixture) : SipAccountMediaApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
