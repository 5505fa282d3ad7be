using Microsoft.Data.Sqlite;

namespace Switchboard.Crm.Data;

/// <summary>The file a SQLite connection string names, created for its owner only before SQLite opens it.</summary>
internal static class SqliteFile
{
    /// <summary>
    /// Creates the database file (0600) unless it exists or the connection string names no file
    /// (in memory, a <c>file:</c> URI, read-only). SQLite creates the <c>-wal</c> and <c>-shm</c>
    /// files with the database file's own mode, so they are owner-only too; a file SQLite created
    /// itself would take 0644 from a usual umask, and the call log with it would be world-readable.
    /// </summary>
    public static void CreateOwnerOnly(string? connectionString)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        var source = settings.DataSource;
        if (string.IsNullOrWhiteSpace(source)
            || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || settings.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly)
        {
            return;
        }

        // Relative paths are relative to the working folder, as for SQLite itself; a missing folder is SQLite's to report.
        var path = Path.GetFullPath(source);
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            OwnerOnlyFiles.CreateFile(path);
        }
    }
}
