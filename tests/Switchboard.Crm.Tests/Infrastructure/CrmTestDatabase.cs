namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>
/// A database engine the CRM's tests run against. Each test host gets a new, empty database of its
/// own from it, which goes away when the host does.
/// </summary>
public abstract class CrmTestDatabase
{
    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>A new database; <paramref name="folder"/> is the host's own folder, removed after it.</summary>
    internal abstract Task<TestDatabase> CreateAsync(TempFolder folder);
}

/// <summary>One test host's database: the connection string, and how to remove it afterwards.</summary>
internal sealed class TestDatabase(string provider, string connectionString, Func<Task>? drop = null) : IAsyncDisposable
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The settings that point the CRM at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Crm"] = ConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        if (drop is not null)
        {
            await drop();
        }
    }
}
