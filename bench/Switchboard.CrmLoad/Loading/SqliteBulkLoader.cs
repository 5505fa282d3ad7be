using Microsoft.Data.Sqlite;
using Switchboard.Crm.Data;

namespace Switchboard.CrmLoad.Loading;

/// <summary>
/// SQLite: one prepared INSERT per table, 100,000 rows a transaction, each parameter configured by
/// the model's own type mapping (GUIDs as upper-case text, as EF Core writes them). The loading
/// connection alone sets <c>synchronous=NORMAL</c> and a 1 GiB page cache; the database keeps the
/// write-ahead log the CRM turns on when it migrates.
/// </summary>
internal sealed class SqliteBulkLoader(string connectionString) : IBulkLoader
{
    private const int RowsPerTransaction = 100_000;

    public string Method =>
        "prepared INSERTs, 100,000 rows a transaction; on the loading connection only: PRAGMA synchronous=NORMAL, cache_size=1 GiB (journal_mode=WAL is the CRM's own)";

    public async Task<long> LoadAsync<TEntity>(CrmDbContext model, IEnumerable<TEntity> rows, Action<long>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        var columns = EntityColumns<TEntity>.Of(model);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-1048576;", cancellationToken);

        await using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO \"{columns.Table}\" ({string.Join(", ", columns.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Columns
            .Select((c, i) => c.TypeMapping.CreateParameter(command, "$p" + i, null, nullable: c.Property.IsNullable))
            .ToArray();
        command.Parameters.AddRange(parameters);

        long written = 0;
        var transaction = connection.BeginTransaction();
        try
        {
            command.Transaction = transaction;
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = columns.Value(i, row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (++written % RowsPerTransaction == 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                    progress?.Invoke(written);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }

        progress?.Invoke(written);
        return written;
    }

    public async Task AfterLoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Statistics for the planner, then the write-ahead log folded into the database file.
        await ExecuteAsync(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    public Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        long size = 0;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            if (File.Exists(path))
            {
                size += new FileInfo(path).Length;
            }
        }

        return Task.FromResult(size);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
