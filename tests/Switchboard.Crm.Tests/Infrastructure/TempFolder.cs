using Microsoft.Data.Sqlite;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>A folder of its own for one test's database and key files, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "switchboard-crm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the database file open; let go of them before deleting it.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
