using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;
using Switchboard.Crm.Data;
using Domain = Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The rows of the log whose call is not finished. After a restart the Messaging Service compares
/// them with the PBX's active calls and closes the ones it no longer has: calls cut off by the restart.
/// </summary>
public sealed class OpenCalls(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>The most rows one answer lists, oldest first.</summary>
    public const int MaxRows = 5000;

    public async Task<IReadOnlyList<OpenCall>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.CallRecords
            .AsNoTracking()
            .Where(r => r.State != Domain.CallState.Finished)
            .OrderBy(r => r.StartedAt)
            .Take(MaxRows)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToOpenCall)];
    }

    private static OpenCall ToOpenCall(CallRecord row) => new(
        row.PbxCallId,
        row.Line,
        row.UpdatedAt,
        new CallSaveRequest
        {
            ConversationId = row.ConversationId,
            Direction = ByName<CallDirection>(row.Direction),
            CallerNumber = row.CallerNumber,
            CallerName = row.CallerName,
            CalleeNumber = row.CalleeNumber,
            RedirectedFrom = row.RedirectedFrom,
            RedirectedTo = row.RedirectedTo,
            State = ByName<CallState>(row.State),
            StartedAt = row.StartedAt,
            AnsweredAt = row.AnsweredAt,
            EndedAt = row.EndedAt,
            TimeBeforeConnectionSeconds = row.TimeBeforeConnectionSeconds,
            DurationSeconds = row.DurationSeconds,
            TalkSeconds = row.TalkSeconds,
            HoldSeconds = row.HoldSeconds,
            EndReason = row.EndReason is { } reason ? ByName<CallEndReason>(reason) : null,
            ParentPbxCallId = row.ParentPbxCallId,
            ContactId = row.ContactId,
            AccountId = row.AccountId,
        });

    private static TWire ByName<TWire>(Enum domain)
        where TWire : struct, Enum =>
        Enum.Parse<TWire>(domain.ToString());
}
