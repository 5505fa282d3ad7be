using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Crm.Data;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Writes calls to the log: one row per call per line, found again by (PbxCallId, Line), so a save
/// that is retried, repeated or raced by another never makes a second row.
/// </summary>
public sealed partial class CallLog(IDbContextFactory<CrmDbContext> contexts, ILogger<CallLog> logger)
{
    /// <summary>Creates or updates the call's row and returns its id. <paramref name="now"/> measures an active call.</summary>
    public async Task<Guid> SaveAsync(Call call, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await SaveOnceAsync(call, now, cancellationToken);
        }
        catch (DbUpdateException e) when (CrmDatabaseProvider.IsUniqueViolation(e))
        {
            // Another save of the same call inserted the row between our read and our insert.
            // The row exists now, so this second pass updates it.
            Log.SaveRaced(logger, call.Key.ToString());
            return await SaveOnceAsync(call, now, cancellationToken);
        }
    }

    private async Task<Guid> SaveOnceAsync(Call call, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.CallRecords.SingleOrDefaultAsync(
            r => r.PbxCallId == call.PbxCallId && r.Line == call.Line, cancellationToken);
        if (row is null)
        {
            row = new CallRecord
            {
                Id = Guid.CreateVersion7(now),
                PbxCallId = call.PbxCallId,
                Line = call.Line,
                ConversationId = call.ConversationId,
                CallerNumber = call.CallerNumber,
                CalleeNumber = call.CalleeNumber,
            };
            db.CallRecords.Add(row);
        }
        else if (row.State == CallState.Finished && call.IsActive)
        {
            // A late or retried snapshot from before the end: the row already knows more.
            Log.StaleSnapshotIgnored(logger, call.Key.ToString());
            return row.Id;
        }

        CallRecordMapping.CopyCall(call, now, row);
        row.UpdatedAt = now.ToUniversalTime();
        row.UserId ??= await db.Lines
            .Where(l => l.Number == call.Line)
            .Select(l => (Guid?)l.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        row.ParentCallId = call.ParentPbxCallId is null
            ? null
            : await db.CallRecords
                .Where(r => r.PbxCallId == call.ParentPbxCallId && r.Line == call.Line)
                .Select(r => (Guid?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Consultations saved before this call, their parent, get linked now.
        await db.CallRecords
            .Where(r => r.ParentPbxCallId == call.PbxCallId && r.Line == call.Line && r.ParentCallId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ParentCallId, row.Id), cancellationToken);
        return row.Id;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Call {Key} was inserted by a concurrent save; updating it instead")]
        public static partial void SaveRaced(ILogger logger, string key);

        [LoggerMessage(2, LogLevel.Debug, "Ignored a snapshot of active call {Key} whose row is already finished")]
        public static partial void StaleSnapshotIgnored(ILogger logger, string key);
    }
}
