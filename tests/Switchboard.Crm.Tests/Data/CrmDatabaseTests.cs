using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Data;

/// <summary>Migrating the database, on each engine.</summary>
public abstract class CrmDatabaseTests(CrmTestDatabase engine)
{
    protected CrmTestDatabase Engine { get; } = engine;

    [Fact]
    public async Task Migrating_applies_every_migration()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: false);

        await using var db = host.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Timeouts.Token()).WithTimeout());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: false);

        await using var db = host.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration for the model's changes to this engine (docs/database.md).");
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: true);

        await CrmDatabase.MigrateAndSeedAsync(host.Services, Timeouts.Token()).WithTimeout();

        await using var db = host.CreateDbContext();
        Assert.Equal(Crm.Demo.DemoData.Users.Count, await db.Users.CountAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task The_configured_engine_is_the_one_in_use()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: false);

        await using var db = host.CreateDbContext();
        Assert.Equal(Engine.Provider == CrmDatabaseProvider.Postgres, db.Database.IsNpgsql());
        Assert.Equal(Engine.Provider == CrmDatabaseProvider.Sqlite, db.Database.IsSqlite());
    }
}

public sealed class SqliteCrmDatabaseTests() : CrmDatabaseTests(SqliteTestDatabase.Instance)
{
    [Fact]
    public async Task Migrating_creates_the_database_file()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: false);

        Assert.True(File.Exists(Path.Combine(host.Folder, SqliteTestDatabase.FileName)));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCrmDatabaseTests(PostgresCluster cluster) : CrmDatabaseTests(cluster)
{
    [Fact]
    public async Task Migrating_creates_a_database_that_does_not_exist_yet()
    {
        await using var host = await CrmTestHost.StartAsync(cluster.NotYetCreated, demo: true);

        await using var db = host.CreateDbContext();
        Assert.True(db.Database.IsNpgsql());
        Assert.Equal(Crm.Demo.DemoData.Users.Count, await db.Users.CountAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task Moments_are_timestamps_with_time_zone()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: false);
        await using var db = host.CreateDbContext();

        var types = await db.Database
            .SqlQuery<string>($"""
                SELECT data_type AS "Value" FROM information_schema.columns
                WHERE table_name = 'CallRecords' AND column_name IN ('StartedAt', 'AnsweredAt', 'EndedAt', 'UpdatedAt')
                """)
            .ToListAsync(Timeouts.Token()).WithTimeout();

        Assert.Equal(4, types.Count);
        Assert.All(types, t => Assert.Equal("timestamp with time zone", t));
    }
}
