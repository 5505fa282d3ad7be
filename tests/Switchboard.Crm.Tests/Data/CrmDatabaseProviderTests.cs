using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Tests.Data;

/// <summary>Which engine the configuration picks; no database is opened.</summary>
public sealed class CrmDatabaseProviderTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCrm(configuration).BuildServiceProvider();
    }

    [Fact]
    public void A_provider_that_is_not_supported_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Database:Provider"] = "Oracle" }));

        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
        Assert.Contains("Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_provider_or_a_connection_string_the_database_is_a_sqlite_file_in_the_working_folder()
    {
        using var services = Services([]);

        using var db = services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();

        Assert.IsType<SqliteCrmDbContext>(db);
        Assert.Equal("Data Source=switchboard.db", db.Database.GetConnectionString());
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    public void Postgres_is_chosen_by_configuration(string provider)
    {
        const string ConnectionString = "Host=127.0.0.1;Port=5433;Database=switchboard;Username=switchboard;Password=secret";
        using var services = Services(new() { ["Database:Provider"] = provider, ["ConnectionStrings:Crm"] = ConnectionString });

        using var db = services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();

        Assert.IsType<PostgresCrmDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        var used = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(("127.0.0.1", 5433, "switchboard", "switchboard", "secret"), (used.Host, used.Port, used.Database, used.Username, used.Password));
        Assert.True(used.MaxAutoPrepare > 0, "The CRM's statements are prepared unless the connection string says otherwise.");
    }

    [Theory]
    [InlineData("Max Auto Prepare=0")]
    [InlineData("MaxAutoPrepare=0")]
    [InlineData("max auto prepare=0")]
    public void A_connection_string_that_sets_statement_preparation_keeps_it(string setting)
    {
        var connectionString = $"Host=127.0.0.1;Database=switchboard;Username=switchboard;{setting}";
        using var services = Services(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Crm"] = connectionString });

        using var db = services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_at_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Database:Provider"] = "Postgres" }));

        Assert.Contains("ConnectionStrings:Crm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_engine_has_its_own_migrations()
    {
        using var sqlite = Services([]);
        using var postgres = Services(new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Crm"] = "Host=127.0.0.1" });
        using var sqliteDb = sqlite.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();
        using var postgresDb = postgres.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();

        var sqliteMigrations = sqliteDb.Database.GetMigrations().ToList();
        var postgresMigrations = postgresDb.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }
}
