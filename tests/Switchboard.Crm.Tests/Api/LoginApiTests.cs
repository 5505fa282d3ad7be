using System.Net;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>Signing in and tokens, on each database engine.</summary>
public abstract class LoginApiTests(CrmApiFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    [Fact]
    public async Task Login_with_the_right_password_gives_a_token_that_expires_in_twelve_hours()
    {
        using var client = Server.CreateClient();

        var (status, _, body) = await client.PostJsonAsync("/api/auth/login", new { login = "agent1", password = "demo-agent1" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body!["token"]!.GetValue<string>()));
        var expiresAt = body["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
    }

    [Theory]
    [InlineData("agent1", "demo-agent2")]
    [InlineData("agent1", "DEMO-AGENT1")]
    [InlineData("nobody", "demo-agent1")]
    public async Task A_wrong_login_or_password_is_401_with_problem_details(string login, string password)
    {
        using var client = Server.CreateClient();

        var (status, mediaType, body) = await client.PostJsonAsync("/api/auth/login", new { login, password });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(401, body!["status"]!.GetValue<int>());
        Assert.Null(body["token"]);
    }

    [Fact]
    public async Task A_login_without_its_fields_is_400()
    {
        using var client = Server.CreateClient();

        var (status, mediaType, body) = await client.PostJsonAsync("/api/auth/login", new { login = "agent1" });
        var (emptyStatus, _, emptyBody) = await client.PostJsonAsync("/api/auth/login", new { });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.NotNull(body!["errors"]!["password"]);
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        Assert.NotNull(emptyBody!["errors"]!["login"]);
    }

    [Theory]
    [InlineData("/api/calls")]
    [InlineData("/api/calls/7b0c2a5e-0000-0000-0000-000000000000")]
    [InlineData("/api/contacts/lookup?number=%2B74951234567")]
    [InlineData("/api/me")]
    public async Task Every_endpoint_but_login_needs_a_token(string path)
    {
        using var anonymous = Server.CreateClient();
        using var forged = Server.CreateClient("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync(path));
        Assert.Equal(HttpStatusCode.Unauthorized, await forged.GetStatusAsync(path));
    }

    [Fact]
    public async Task Me_is_the_signed_in_user_with_their_role_and_lines()
    {
        using var client = await Server.SignInAsync("agent1");

        var me = await client.GetJsonAsync("/api/me");

        Assert.Equal("agent1", me["login"]!.GetValue<string>());
        Assert.Equal("Anna Petrova", me["displayName"]!.GetValue<string>());
        Assert.Equal("agent", me["role"]!.GetValue<string>());
        Assert.Equal(["101"], me["lines"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.True(Guid.TryParse(me["id"]!.GetValue<string>(), out _));
        Assert.Null(me["seesAllLines"]);
    }

    [Fact]
    public async Task The_administrator_has_no_line()
    {
        using var client = await Server.SignInAsync("admin");

        var me = await client.GetJsonAsync("/api/me");

        Assert.Equal("administrator", me["role"]!.GetValue<string>());
        Assert.Empty(me["lines"]!.AsArray());
    }

    [Fact]
    public async Task Role_based_authorization_reads_the_role_claim()
    {
        using var agent = await Server.SignInAsync("agent1");
        using var supervisor = await Server.SignInAsync("supervisor");

        Assert.Equal(HttpStatusCode.Forbidden, await agent.GetStatusAsync(CrmTestServer.SupervisorsOnlyPath));
        Assert.Equal(HttpStatusCode.OK, await supervisor.GetStatusAsync(CrmTestServer.SupervisorsOnlyPath));
    }

    [Fact]
    public async Task Hub_requests_may_carry_the_token_in_the_query_string()
    {
        var token = await Server.LoginAsync("agent2", "demo-agent2");
        using var client = Server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await client.GetStatusAsync($"{CrmTestServer.HubProbePath}?access_token={token}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await client.GetStatusAsync(CrmTestServer.HubProbePath));
    }

    [Fact]
    public async Task Other_requests_do_not_take_the_token_from_the_query_string()
    {
        var token = await Server.LoginAsync("agent2", "demo-agent2");
        using var client = Server.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, await client.GetStatusAsync($"/api/me?access_token={token}"));
    }

    [Fact]
    public async Task A_valid_token_of_a_user_who_no_longer_exists_is_401()
    {
        var issuer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Crm.Auth.TokenIssuer>(Server.Services);
        var ghost = issuer.Issue(new Crm.Users.CrmUser(Guid.NewGuid(), "ghost", "Ghost", Crm.Users.UserRole.Supervisor, []));
        using var client = Server.CreateClient(ghost.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, await client.GetStatusAsync("/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, await client.GetStatusAsync("/api/calls"));
    }
}

[Collection(CrmApiServer.Name)]
public sealed class SqliteLoginApiTests(SqliteCrmApiFixture fixture) : LoginApiTests(fixture);

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresLoginApiTests(PostgresCrmApiFixture fixture) : LoginApiTests(fixture), IClassFixture<PostgresCrmApiFixture>;
