using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Crm.Data;

/// <summary>
/// The one place that knows which database engine the CRM runs on: how to connect to it and
/// how it reports a broken unique index. PostgreSQL joins here.
/// </summary>
public static class CrmDatabaseProvider
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Crm";
    public const string Sqlite = "Sqlite";
    public const string DefaultSqliteConnectionString = "Data Source=switchboard.db";

    // SQLite's primary result code for a constraint and its extended codes for UNIQUE and PRIMARY KEY.
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static void Configure(DbContextOptionsBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            builder.UseSqlite(configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqliteConnectionString);
            return;
        }

        throw new InvalidOperationException($"{ProviderKey} '{provider}' is not supported yet; use {Sqlite}.");
    }

    /// <summary>True when the save failed because another row already holds the same unique key.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException
        {
            SqliteErrorCode: SqliteConstraint,
            SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        };
}
