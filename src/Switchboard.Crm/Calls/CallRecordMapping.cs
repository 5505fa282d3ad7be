using Switchboard.Crm.Data;
using Switchboard.Telephony.Calls;
using Wire = Switchboard.Contracts;

namespace Switchboard.Crm.Calls;

/// <summary>Copies a saved call onto its log row.</summary>
internal static class CallRecordMapping
{
    public static void CopySave(Wire.CallSaveRequest save, CallRecord row)
    {
        row.ConversationId = save.ConversationId;
        row.Direction = ByName<CallDirection>(save.Direction);
        row.CallerNumber = save.CallerNumber;
        row.CallerName = save.CallerName;
        row.CalleeNumber = save.CalleeNumber;
        row.RedirectedFrom = save.RedirectedFrom;
        row.RedirectedTo = save.RedirectedTo;
        row.State = ByName<CallState>(save.State);
        row.StartedAt = save.StartedAt.ToUniversalTime();
        row.AnsweredAt = save.AnsweredAt?.ToUniversalTime();
        row.EndedAt = save.EndedAt?.ToUniversalTime();
        row.TimeBeforeConnectionSeconds = save.TimeBeforeConnectionSeconds;
        row.DurationSeconds = save.DurationSeconds;
        row.TalkSeconds = save.TalkSeconds;
        row.HoldSeconds = save.HoldSeconds;
        row.EndReason = save.EndReason is { } reason ? ByName<CallEndReason>(reason) : null;
        row.ParentPbxCallId = save.ParentPbxCallId;
        row.Comment = save.Comment ?? row.Comment;
        row.RecordingFile = save.RecordingFile ?? row.RecordingFile;

        // A later save that knows less (no comment, no match after a resync) keeps what an earlier
        // one gave, and a link a user made by hand in the CRM is theirs: no save replaces it.
        if (!row.LinkedManually && (save.ContactId is not null || save.AccountId is not null))
        {
            row.ContactId = save.ContactId;
            row.AccountId = save.AccountId;
        }
    }

    private static TDomain ByName<TDomain>(Enum wire)
        where TDomain : struct, Enum =>
        Enum.Parse<TDomain>(wire.ToString());
}
