using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Contracts;
using Switchboard.CrmLoad.Generation;

namespace Switchboard.CrmLoad.Measuring;

/// <summary>The result of one pass of <see cref="RawSaveCeiling"/>.</summary>
internal sealed record RawSaveRun(int Connections, int Calls, TimeSpan Elapsed)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public double SavesPerSecond => Calls * SaveRun.SavesPerCall / Elapsed.TotalSeconds;
}

/// <summary>
/// What PostgreSQL itself can take with this log and its indexes, as a yardstick for
/// <see cref="SaveBenchmark"/>: the same calls' three saves as the plainest SQL there is (an INSERT and
/// two UPDATEs by primary key, prepared, <see cref="CallsPerBatch"/> calls to a transaction in one
/// round trip) from a client that does next to nothing else. No reads, no idempotency checks, no
/// consultation links: the real path cannot be faster than this on the same machine.
/// </summary>
internal static class RawSaveCeiling
{
    public const int CallsPerBatch = 40;

    private const string Insert = """
        INSERT INTO "CallRecords" ("Id", "PbxCallId", "Line", "ConversationId", "UserId", "Direction", "CallerNumber", "CalleeNumber",
            "State", "StartedAt", "TimeBeforeConnectionSeconds", "DurationSeconds", "TalkSeconds", "HoldSeconds", "ContactId", "AccountId",
            "UpdatedAt", "LinkedManually")
        VALUES ($1, $2, $3, $2, $4, $5, $6, $3, $7, $8, 0, 0, 0, 0, $9, $10, $11, FALSE)
        """;

    private const string Connect = """
        UPDATE "CallRecords" SET "AnsweredAt" = $1, "State" = $2, "TimeBeforeConnectionSeconds" = $3, "DurationSeconds" = $3, "UpdatedAt" = $4
        WHERE "Id" = $5
        """;

    private const string Finish = """
        UPDATE "CallRecords" SET "EndedAt" = $1, "State" = $2, "EndReason" = $3, "DurationSeconds" = $4, "TalkSeconds" = $5, "UpdatedAt" = $6
        WHERE "Id" = $7
        """;

    public static async Task<RawSaveRun> RunAsync(
        string connectionString, SyntheticCrm crm, int calls, int connections, long firstSequence, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var owners = await LineOwnersAsync(dataSource, cancellationToken);
        var next = -CallsPerBatch;
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(
            async () =>
            {
                var random = new Random(unchecked((int)firstSequence + c));
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                int first;
                while ((first = Interlocked.Add(ref next, CallsPerBatch)) < calls)
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await using var batch = new NpgsqlBatch(connection, transaction);
                    for (var i = first; i < Math.Min(first + CallsPerBatch, calls); i++)
                    {
                        AddCall(batch, SaveBenchmark.Lifecycle(crm, firstSequence + i, random), owners);
                    }

                    await batch.PrepareAsync(cancellationToken);
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
            },
            cancellationToken)));
        started.Stop();
        return new RawSaveRun(connections, calls, started.Elapsed);
    }

    private static void AddCall(NpgsqlBatch batch, (string PbxCallId, string Line, CallSaveRequest[] Saves) call, Dictionary<string, Guid> owners)
    {
        var (alerting, connected, finished) = (call.Saves[0], call.Saves[1], call.Saves[2]);
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        batch.BatchCommands.Add(Command(
            Insert,
            id,
            call.PbxCallId,
            call.Line,
            owners.TryGetValue(call.Line, out var owner) ? owner : DBNull.Value,
            alerting.Direction.ToString(),
            alerting.CallerNumber,
            alerting.State.ToString(),
            alerting.StartedAt,
            alerting.ContactId is { } contact ? contact : DBNull.Value,
            alerting.AccountId is { } account ? account : DBNull.Value,
            now));
        batch.BatchCommands.Add(Command(Connect, connected.AnsweredAt!.Value, connected.State.ToString(), connected.DurationSeconds, now, id));
        batch.BatchCommands.Add(Command(
            Finish, finished.EndedAt!.Value, finished.State.ToString(), finished.EndReason!.Value.ToString(), finished.DurationSeconds, finished.TalkSeconds, now, id));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                DateTimeOffset moment => new NpgsqlParameter { Value = moment.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                DBNull => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }

    private static async Task<Dictionary<string, Guid>> LineOwnersAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("""SELECT "Number", "UserId" FROM "Lines" """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners[reader.GetString(0)] = reader.GetGuid(1);
        }

        return owners;
    }
}
