using Switchboard.Crm.Data;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>SQLite: a file in the host's folder, removed with the folder.</summary>
public sealed class SqliteTestDatabase : CrmTestDatabase
{
    public const string FileName = "crm.db";

    public static readonly SqliteTestDatabase Instance = new();

    private SqliteTestDatabase()
    {
    }

    public override string Provider => CrmDatabaseProvider.Sqlite;

    internal override Task<TestDatabase> CreateAsync(TempFolder folder) =>
        Task.FromResult(new TestDatabase(Provider, $"Data Source={folder.File(FileName)}"));
}
