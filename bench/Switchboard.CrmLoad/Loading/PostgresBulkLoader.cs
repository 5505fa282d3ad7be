using Npgsql;
using NpgsqlTypes;
using Switchboard.Crm.Data;

namespace Switchboard.CrmLoad.Loading;

/// <summary>
/// PostgreSQL: binary COPY (<see cref="NpgsqlBinaryImporter"/>), one per table, into the migrated
/// schema with its indexes in place; values go through the model's converters first, so moments
/// arrive in UTC as timestamp with time zone and enums as their names.
/// </summary>
internal sealed class PostgresBulkLoader(string connectionString) : IBulkLoader
{
    private const int ProgressEvery = 100_000;

    public string Method => "binary COPY (NpgsqlBinaryImporter), one per table, indexes in place";

    public async Task<long> LoadAsync<TEntity>(CrmDbContext model, IEnumerable<TEntity> rows, Action<long>? progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        var columns = EntityColumns<TEntity>.Of(model);
        var types = columns.Columns.Select(c => StoreType(c.TypeMapping.Converter?.ProviderClrType ?? c.TypeMapping.ClrType)).ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var copy = $"COPY \"{columns.Table}\" ({string.Join(", ", columns.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        long written = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                if (columns.Value(i, row) is { } value)
                {
                    await importer.WriteAsync(value, types[i], cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }

            if (++written % ProgressEvery == 0)
            {
                progress?.Invoke(written);
            }
        }

        await importer.CompleteAsync(cancellationToken);
        progress?.Invoke(written);
        return written;
    }

    public async Task AfterLoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // COPY leaves no dead rows, but VACUUM sets the visibility map (index-only scans) and ANALYZE the statistics.
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlDbType StoreType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when type == typeof(string) => NpgsqlDbType.Varchar,
            _ when type == typeof(int) => NpgsqlDbType.Integer,
            _ when type == typeof(long) => NpgsqlDbType.Bigint,
            _ when type == typeof(bool) => NpgsqlDbType.Boolean,
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            _ => throw new NotSupportedException($"The load tool does not know how to COPY a {type.Name} column."),
        };
    }
}
