using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Switchboard.Contracts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// <see cref="CallLogBatch"/> on PostgreSQL: each save is one <c>INSERT ... ON CONFLICT DO UPDATE</c>
/// by the idempotency key, and the whole batch goes out in one round trip as one implicit
/// transaction. Reading the rows first and tracking them cost the .NET side about twice what the
/// database spent on the writes; the rules are the same, written as SQL:
/// a save of an active call changes nothing on a finished row; a save without comment or match
/// keeps the row's; a link made by hand is never replaced; the first owner of the line stays; a
/// consultation is linked to its parent row, now or when the parent arrives.
/// </summary>
internal static class PostgresCallLogBatch
{
    private const string Upsert = """
        INSERT INTO "CallRecords" AS r ("Id", "PbxCallId", "Line", "ConversationId", "UserId", "Direction", "CallerNumber",
            "CallerName", "CalleeNumber", "RedirectedFrom", "RedirectedTo", "State", "StartedAt", "AnsweredAt", "EndedAt",
            "TimeBeforeConnectionSeconds", "DurationSeconds", "TalkSeconds", "HoldSeconds", "EndReason", "ParentPbxCallId",
            "ParentCallId", "ContactId", "AccountId", "Comment", "UpdatedAt", "LinkedManually",
            "RecordingFile")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
            (SELECT p."Id" FROM "CallRecords" AS p WHERE p."PbxCallId" = $21 AND p."Line" = $3), $22, $23, $24, $25, FALSE, $26)
        ON CONFLICT ("PbxCallId", "Line") DO UPDATE SET
            "ConversationId" = excluded."ConversationId", "Direction" = excluded."Direction",
            "CallerNumber" = excluded."CallerNumber", "CallerName" = excluded."CallerName",
            "CalleeNumber" = excluded."CalleeNumber", "RedirectedFrom" = excluded."RedirectedFrom",
            "RedirectedTo" = excluded."RedirectedTo", "State" = excluded."State", "StartedAt" = excluded."StartedAt",
            "AnsweredAt" = excluded."AnsweredAt", "EndedAt" = excluded."EndedAt",
            "TimeBeforeConnectionSeconds" = excluded."TimeBeforeConnectionSeconds",
            "DurationSeconds" = excluded."DurationSeconds", "TalkSeconds" = excluded."TalkSeconds",
            "HoldSeconds" = excluded."HoldSeconds", "EndReason" = excluded."EndReason",
            "ParentPbxCallId" = excluded."ParentPbxCallId", "ParentCallId" = excluded."ParentCallId",
            "ContactId" = CASE WHEN r."LinkedManually" OR (excluded."ContactId" IS NULL AND excluded."AccountId" IS NULL)
                THEN r."ContactId" ELSE excluded."ContactId" END,
            "AccountId" = CASE WHEN r."LinkedManually" OR (excluded."ContactId" IS NULL AND excluded."AccountId" IS NULL)
                THEN r."AccountId" ELSE excluded."AccountId" END,
            "Comment" = COALESCE(excluded."Comment", r."Comment"),
            "RecordingFile" = COALESCE(excluded."RecordingFile", r."RecordingFile"),
            "UserId" = COALESCE(r."UserId", excluded."UserId"),
            "UpdatedAt" = excluded."UpdatedAt"
        WHERE r."State" <> 'Finished' OR excluded."State" = 'Finished'
        RETURNING "Id"
        """;

    // Consultations saved before their parent, linked once the parent is in: this batch's calls
    // may be the parents. The partial index on (ParentPbxCallId, Line) serves it.
    private const string LinkOrphans = """
        UPDATE "CallRecords" AS c SET "ParentCallId" = p."Id"
        FROM "CallRecords" AS p
        WHERE c."ParentPbxCallId" = ANY($1) AND c."ParentCallId" IS NULL AND p."PbxCallId" = c."ParentPbxCallId" AND p."Line" = c."Line"
        """;

    // A save of an active call that came after the row was finished changes nothing and returns no id.
    private const string FindId = """SELECT "Id" FROM "CallRecords" WHERE "PbxCallId" = $1 AND "Line" = $2""";

    public static async Task<Guid[]> WriteAsync(CrmDbContext db, LineOwners lineOwners, IReadOnlyList<PendingSave> saves, DateTimeOffset now)
    {
        var owners = await lineOwners.GetAsync(db, CancellationToken.None);
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var updatedAt = now.ToUniversalTime();

        await using var batch = new NpgsqlBatch(connection);
        foreach (var (pbxCallId, line, save) in saves)
        {
            batch.BatchCommands.Add(UpsertOf(pbxCallId, line, save, owners.TryGetValue(line, out var owner) ? owner.UserId : null, updatedAt));
        }

        var link = new NpgsqlBatchCommand(LinkOrphans);
        link.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. saves.Select(s => s.PbxCallId).Distinct(StringComparer.Ordinal)] });
        batch.BatchCommands.Add(link);

        var ids = new Guid?[saves.Count];
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            for (var i = 0; i < saves.Count; i++)
            {
                if (await reader.ReadAsync())
                {
                    ids[i] = reader.GetGuid(0);
                }

                await reader.NextResultAsync();
            }
        }

        for (var i = 0; i < saves.Count; i++)
        {
            ids[i] ??= await FindIdAsync(connection, saves[i].PbxCallId, saves[i].Line);
        }

        return [.. ids.Select(id => id!.Value)];
    }

    private static NpgsqlBatchCommand UpsertOf(string pbxCallId, string line, CallSaveRequest save, Guid? userId, DateTimeOffset updatedAt)
    {
        var command = new NpgsqlBatchCommand(Upsert);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(updatedAt) });
        p.Add(Text(pbxCallId));
        p.Add(Text(line));
        p.Add(Text(save.ConversationId));
        p.Add(Uuid(userId));
        p.Add(Text(save.Direction.ToString()));
        p.Add(Text(save.CallerNumber));
        p.Add(Text(save.CallerName));
        p.Add(Text(save.CalleeNumber));
        p.Add(Text(save.RedirectedFrom));
        p.Add(Text(save.RedirectedTo));
        p.Add(Text(save.State.ToString()));
        p.Add(Moment(save.StartedAt));
        p.Add(Moment(save.AnsweredAt));
        p.Add(Moment(save.EndedAt));
        p.Add(new NpgsqlParameter<int> { TypedValue = save.TimeBeforeConnectionSeconds });
        p.Add(new NpgsqlParameter<int> { TypedValue = save.DurationSeconds });
        p.Add(new NpgsqlParameter<int> { TypedValue = save.TalkSeconds });
        p.Add(new NpgsqlParameter<int> { TypedValue = save.HoldSeconds });
        p.Add(Text(save.EndReason?.ToString()));
        p.Add(Text(save.ParentPbxCallId));
        p.Add(Uuid(save.ContactId));
        p.Add(Uuid(save.AccountId));
        p.Add(Text(save.Comment));
        p.Add(Moment(updatedAt));
        p.Add(Text(save.RecordingFile));
        return command;
    }

    private static async Task<Guid> FindIdAsync(NpgsqlConnection connection, string pbxCallId, string line)
    {
        await using var find = new NpgsqlCommand(FindId, connection) { Parameters = { Text(pbxCallId), Text(line) } };
        return (Guid)(await find.ExecuteScalarAsync())!;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = value is null ? DBNull.Value : value };

    private static NpgsqlParameter Uuid(Guid? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value is { } id ? id : DBNull.Value };

    // Moments are stored in UTC, as the EF Core model's converter stores them.
    private static NpgsqlParameter Moment(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } moment ? moment.ToUniversalTime() : DBNull.Value };
}
