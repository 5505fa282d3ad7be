using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Writes calls to the log: one row per call per line, found again by (PbxCallId, Line), so a save
/// that is retried, repeated or raced by another never makes a second row.
/// </summary>
/// <remarks>
/// Saves that arrive while a write is under way are written together in the next one, in the order
/// they arrived (group commit): a busy log makes a few large round trips instead of many small
/// ones, and an idle log answers a lone save at once. The saves are spread over a few lanes by
/// line (one on SQLite), each writing one batch at a time: the saves of one call, and a consultation
/// and the call it was made from (always on the same line), stay in order in one lane, while other
/// lines' saves go to the database side by side.
/// </remarks>
public sealed partial class CallLog
{
    /// <summary>The most saves written in one round of the database.</summary>
    public const int MaxBatch = 500;

    /// <summary>How many batches may be written at once, each on its own connection (PostgreSQL).</summary>
    public const int Lanes = 4;

    private readonly IDbContextFactory<CrmDbContext> _contexts;
    private readonly LineOwners _lineOwners;
    private readonly TimeProvider _time;
    private readonly ILogger<CallLog> _logger;
    private readonly CallLogLane[] _lanes;

    public CallLog(IDbContextFactory<CrmDbContext> contexts, LineOwners lineOwners, TimeProvider time, ILogger<CallLog> logger)
    {
        _contexts = contexts;
        _lineOwners = lineOwners;
        _time = time;
        _logger = logger;
        _lanes = [.. Enumerable.Range(0, LanesFor(contexts)).Select(_ => new CallLogLane(WriteAsync))];
    }

    /// <summary>The lanes writing side by side: one on SQLite, which lets one writer in at a time.</summary>
    public int LaneCount => _lanes.Length;

    /// <summary>
    /// Creates or updates the row of call <paramref name="pbxCallId"/> on <paramref name="line"/> and
    /// returns its id. A save of an active call that arrives after the row was finished changes
    /// nothing. Throws <see cref="CallSaveRejectedException"/> for a save that breaks <see cref="CallSaveRules"/>.
    /// </summary>
    public Task<Guid> SaveAsync(string pbxCallId, string line, CallSaveRequest save, CancellationToken cancellationToken)
    {
        var errors = CallSaveRules.Validate(pbxCallId, line, save);
        if (errors.Count > 0)
        {
            return Task.FromException<Guid>(new CallSaveRejectedException(errors));
        }

        var pending = new PendingSave(pbxCallId, line, save);
        _lanes[(uint)StringComparer.Ordinal.GetHashCode(line) % _lanes.Length].Enqueue(pending);

        // The caller may stop waiting; the save itself goes on, as others' saves share its round trip.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    // On SQLite, lanes beside each other only wait for its one write lock in turn (its busy handler
    // sleeps and retries): with four, 64 writers saved 320 calls/s with a p99 of 0.6 s; with one
    // lane, whose batches simply grow, 1,711 calls/s with a p99 of 33 ms (docs/benchmarks.md).
    private static int LanesFor(IDbContextFactory<CrmDbContext> contexts)
    {
        using var db = contexts.CreateDbContext();
        return db.Database.IsSqlite() ? 1 : Lanes;
    }

    private async Task WriteAsync(List<PendingSave> batch)
    {
        try
        {
            var ids = await CallLogBatch.WriteAsync(_contexts, _lineOwners, batch, _time.GetUtcNow());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(ids[i]);
            }
        }
        catch (Exception error)
        {
            // One bad save must not fail the others, and a save raced by another process deserves
            // a second pass: write them one by one, each with its own outcome.
            Log.BatchFailed(_logger, error, batch.Count);
            foreach (var pending in batch)
            {
                await WriteAloneAsync(pending);
            }
        }
    }

    private async Task WriteAloneAsync(PendingSave pending)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var ids = await CallLogBatch.WriteAsync(_contexts, _lineOwners, [pending], _time.GetUtcNow());
                pending.Completion.TrySetResult(ids[0]);
                return;
            }
            catch (Exception error) when (attempt == 1 && IsRace(error))
            {
                // Another process (a second Messaging Service node, a web phone) inserted the row
                // between our read and our insert; the row exists now, so the next pass updates it.
                Log.SaveRaced(_logger, pending.PbxCallId, pending.Line);
            }
            catch (Exception error)
            {
                pending.Completion.TrySetException(error);
                return;
            }
        }
    }

    private static bool IsRace(Exception error) => error is DbUpdateException update && CrmDatabaseProvider.IsUniqueViolation(update);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Call {PbxCallId} on line {Line} was inserted by a concurrent save; updating it instead")]
        public static partial void SaveRaced(ILogger logger, string pbxCallId, string line);

        [LoggerMessage(2, LogLevel.Warning, "Writing {Count} saves together failed; writing each on its own")]
        public static partial void BatchFailed(ILogger logger, Exception error, int count);
    }
}

/// <summary>A save waiting for its round trip, and the caller waiting for its row's id.</summary>
internal sealed record PendingSave(string PbxCallId, string Line, CallSaveRequest Save)
{
    public TaskCompletionSource<Guid> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
