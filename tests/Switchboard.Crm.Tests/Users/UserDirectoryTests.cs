using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Tests.Users;

/// <summary>Users and their lines, on each database engine.</summary>
public abstract class UserDirectoryTests(CrmTestDatabase engine) : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync(engine, demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private UserDirectory Directory => _host.Get<UserDirectory>();

    [Fact]
    public async Task A_lines_owner_is_found_by_the_line()
    {
        var owners = await Directory.FindLineOwnersAsync("102", Timeouts.Token()).WithTimeout();

        var boris = Assert.Single(owners);
        Assert.Equal("agent2", boris.Login);
        Assert.Equal("Boris Ivanov", boris.DisplayName);
        Assert.Equal(UserRole.Agent, boris.Role);
        Assert.Equal(["102"], boris.Lines);
    }

    [Fact]
    public async Task A_line_nobody_owns_has_no_owners() =>
        Assert.Empty(await Directory.FindLineOwnersAsync("199", Timeouts.Token()).WithTimeout());

    [Fact]
    public async Task A_user_is_found_by_id_with_their_lines()
    {
        var supervisor = await Directory.FindByLoginAsync("supervisor", Timeouts.Token()).WithTimeout();

        var found = await Directory.FindUserAsync(supervisor!.Id, Timeouts.Token()).WithTimeout();

        Assert.NotNull(found);
        Assert.Equal(supervisor, found with { Lines = supervisor.Lines, TeamLines = supervisor.TeamLines });
        Assert.Equal(["101", "102", "103"], found.TeamLines);
        Assert.Equal(UserRole.Supervisor, found.Role);
        Assert.Equal(["103"], found.Lines);
        Assert.True(found.SeesTeamCalls);
    }

    [Fact]
    public async Task An_unknown_user_is_null() =>
        Assert.Null(await Directory.FindUserAsync(Guid.NewGuid(), Timeouts.Token()).WithTimeout());

    [Fact]
    public async Task Only_administrators_see_every_call_and_supervisors_their_teams()
    {
        var agent = await Directory.FindByLoginAsync("agent1", Timeouts.Token()).WithTimeout();
        var supervisor = await Directory.FindByLoginAsync("supervisor", Timeouts.Token()).WithTimeout();
        var admin = await Directory.FindByLoginAsync("admin", Timeouts.Token()).WithTimeout();

        Assert.False(agent!.SeesEveryCall);
        Assert.False(agent.SeesTeamCalls);
        Assert.False(supervisor!.SeesEveryCall);
        Assert.Equal(agent.TeamId, supervisor.TeamId);
        Assert.True(agent.OwnsLine("101"));
        Assert.False(agent.OwnsLine("102"));
        Assert.True(admin!.SeesEveryCall);
        Assert.Empty(admin.Lines);
    }
}

public sealed class SqliteUserDirectoryTests() : UserDirectoryTests(SqliteTestDatabase.Instance);

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresUserDirectoryTests(PostgresCluster cluster) : UserDirectoryTests(cluster);
