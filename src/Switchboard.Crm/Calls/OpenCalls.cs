using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Users;
using Domain = Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The rows of the log whose call is not finished, on the lines the PBX link serves. After a
/// restart the Messaging Service compares them with the PBX's active calls and closes the ones it
/// no longer has: calls cut off by the restart.
/// </summary>
/// <remarks>
/// A web-phone user's calls never pass through the PBX link: their browser saves them, and the
/// PBX's list of calls cannot tell whether they are still going. Their lines are left out.
/// </remarks>
public sealed class OpenCalls(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>The most rows one answer lists, oldest first.</summary>
    public const int MaxRows = 5000;

    public async Task<IReadOnlyList<OpenCall>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var webPhoneLines = WebPhoneLines.Of(db);
        var rows = await db.CallRecords
            .AsNoTracking()
            .Where(r => r.State != Domain.CallState.Finished && !webPhoneLines.Contains(r.Line))
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
            RecordingFile = row.RecordingFile,
        });

    private static TWire ByName<TWire>(Enum domain)
        where TWire : struct, Enum =>
        Enum.Parse<TWire>(domain.ToString());
}
