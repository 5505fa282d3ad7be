using Switchboard.Crm.Data;
using Switchboard.Testing.Postgres;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>
/// The test run's PostgreSQL server: a <see cref="PrivatePostgresCluster"/> (Switchboard.Testing)
/// with <see cref="PrivatePostgresCluster.ThrowawaySettings"/>. Each test host gets a database of
/// its own, dropped when the host goes. The collection fixture of <see cref="SharedPostgresCluster"/>,
/// so it starts once for all the PostgreSQL tests.
/// </summary>
public sealed class PostgresCluster : CrmTestDatabase, IAsyncLifetime
{
    private PrivatePostgresCluster? _cluster;

    public override string Provider => CrmDatabaseProvider.Postgres;

    private PrivatePostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not been started.");

    /// <summary>How the superuser reaches <paramref name="database"/> over loopback TCP, with a password.</summary>
    public string ConnectionString(string database) => Cluster.ConnectionString(database);

    public async Task InitializeAsync() =>
        _cluster = await PrivatePostgresCluster.StartAsync(PrivatePostgresCluster.ThrowawaySettings, null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    /// <summary>A name for a database that does not exist yet.</summary>
    public static string NewDatabaseName() => PrivatePostgresCluster.NewDatabaseName();

    internal override async Task<TestDatabase> CreateAsync(TempFolder folder)
    {
        var name = NewDatabaseName();
        await Cluster.CreateDatabaseAsync(name, Timeouts.Token()).WithTimeout();
        return new TestDatabase(Provider, ConnectionString(name), () => DropDatabaseAsync(name));
    }

    /// <summary>Databases that do not exist yet, so that migrating has to create them.</summary>
    public CrmTestDatabase NotYetCreated => new NotYetCreatedDatabases(this);

    /// <summary>Drops <paramref name="name"/>, closing whatever connections it still has.</summary>
    public Task DropDatabaseAsync(string name) => Cluster.DropDatabaseAsync(name, Timeouts.Token()).WithTimeout();

    private sealed class NotYetCreatedDatabases(PostgresCluster cluster) : CrmTestDatabase
    {
        public override string Provider => cluster.Provider;

        internal override Task<TestDatabase> CreateAsync(TempFolder folder)
        {
            var name = NewDatabaseName();
            return Task.FromResult(new TestDatabase(Provider, cluster.ConnectionString(name), () => cluster.DropDatabaseAsync(name)));
        }
    }
}

/// <summary>The PostgreSQL test classes: they share one <see cref="PostgresCluster"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgresCluster : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
