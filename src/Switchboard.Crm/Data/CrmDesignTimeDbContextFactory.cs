using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Crm.Data;

/// <summary>
/// Let <c>dotnet ef</c> build each engine's context without a host (see docs/database.md). They read
/// the same keys as the application, from the environment (<c>Database__Provider</c>,
/// <c>ConnectionStrings__Crm</c>) or after <c>--</c> on the command line; the connection string is
/// used only when the provider named there is the context's own. <c>migrations add</c> never connects.
/// </summary>
internal static class CrmDesignTimeConfiguration
{
    public const string PlaceholderPostgresConnectionString = "Host=127.0.0.1;Database=switchboard;Username=switchboard";

    public static string? ConnectionStringFor(string provider, string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        return CrmDatabaseProvider.ProviderName(configuration) == provider
            ? configuration.GetConnectionString(CrmDatabaseProvider.ConnectionStringName)
            : null;
    }
}

internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args)
    {
        var connectionString = CrmDesignTimeConfiguration.ConnectionStringFor(CrmDatabaseProvider.Sqlite, args)
            ?? CrmDatabaseProvider.DefaultSqliteConnectionString;
        var options = new DbContextOptionsBuilder<SqliteCrmDbContext>();
        CrmDatabaseProvider.UseSqlite(options, connectionString);
        return new SqliteCrmDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args)
    {
        var connectionString = CrmDesignTimeConfiguration.ConnectionStringFor(CrmDatabaseProvider.Postgres, args)
            ?? CrmDesignTimeConfiguration.PlaceholderPostgresConnectionString;
        var options = new DbContextOptionsBuilder<PostgresCrmDbContext>();
        CrmDatabaseProvider.UsePostgres(options, connectionString);
        return new PostgresCrmDbContext(options.Options);
    }
}
