using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Writes a batch of saves in one unit of work: the rows they touch (with the consultations
/// waiting for them) and their parents are read in one query each, the lines' owners come from
/// <see cref="LineOwners"/>, and every change goes out in one SaveChanges. On PostgreSQL the same
/// rules go out as SQL upserts instead (<see cref="PostgresCallLogBatch"/>).
/// </summary>
internal static class CallLogBatch
{
    /// <summary>Applies the saves in order and returns each one's row id, in the same order.</summary>
    public static async Task<Guid[]> WriteAsync(IDbContextFactory<CrmDbContext> contexts, LineOwners lineOwners, IReadOnlyList<PendingSave> saves, DateTimeOffset now)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (db is PostgresCrmDbContext)
        {
            return await PostgresCallLogBatch.WriteAsync(db, lineOwners, saves, now);
        }

        var pbxCallIds = saves.Select(s => s.PbxCallId).Distinct(StringComparer.Ordinal).ToList();

        // One read for the rows these saves touch and for the consultations saved before their
        // parent, which some of these saves may be: they get linked now.
        var read = await db.CallRecords
            .Where(r => pbxCallIds.Contains(r.PbxCallId)
                || (r.ParentPbxCallId != null && pbxCallIds.Contains(r.ParentPbxCallId) && r.ParentCallId == null))
            .ToListAsync();
        var saved = pbxCallIds.ToHashSet(StringComparer.Ordinal);
        var rows = read.Where(r => saved.Contains(r.PbxCallId)).ToDictionary(r => (r.PbxCallId, r.Line));
        var orphans = read.Where(r => r.ParentPbxCallId is not null && r.ParentCallId is null).ToList();

        var owners = await lineOwners.GetAsync(db, CancellationToken.None);

        var parentIds = saves
            .Select(s => s.Save.ParentPbxCallId)
            .OfType<string>()
            .Where(id => !saved.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var parents = parentIds.Count == 0
            ? []
            : await db.CallRecords
                .Where(r => parentIds.Contains(r.PbxCallId))
                .Select(r => new { r.PbxCallId, r.Line, r.Id })
                .ToDictionaryAsync(r => (r.PbxCallId, r.Line), r => r.Id);

        var ids = new Guid[saves.Count];
        for (var i = 0; i < saves.Count; i++)
        {
            var (pbxCallId, line, save) = saves[i];
            if (!rows.TryGetValue((pbxCallId, line), out var row))
            {
                row = new CallRecord
                {
                    Id = Guid.CreateVersion7(now),
                    PbxCallId = pbxCallId,
                    Line = line,
                    ConversationId = save.ConversationId,
                    CallerNumber = save.CallerNumber,
                    CalleeNumber = save.CalleeNumber,
                };
                rows.Add((pbxCallId, line), row);
                db.CallRecords.Add(row);
            }

            ids[i] = row.Id;
            if (row.State == CallState.Finished && save.State != Contracts.CallState.Finished)
            {
                // A late or retried save from before the end: the row already knows more.
                continue;
            }

            CallRecordMapping.CopySave(save, row);
            row.UpdatedAt = now.ToUniversalTime();
            row.UserId ??= owners.TryGetValue(line, out var owner) ? owner.UserId : null;
            row.ParentCallId = save.ParentPbxCallId is not { } parent ? null
                : rows.TryGetValue((parent, line), out var parentRow) ? parentRow.Id
                : parents.TryGetValue((parent, line), out var parentId) ? parentId
                : null;
        }

        // The orphans in the log, and the consultations of this batch that came before their parent in it.
        foreach (var orphan in orphans.Concat(rows.Values).Where(r => r.ParentPbxCallId is not null))
        {
            if (orphan.ParentCallId is null && rows.TryGetValue((orphan.ParentPbxCallId!, orphan.Line), out var parent))
            {
                orphan.ParentCallId = parent.Id;
            }
        }

        await db.SaveChangesAsync();
        return ids;
    }
}
