using Switchboard.Crm.Data;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>Copies a call snapshot onto its log row.</summary>
internal static class CallRecordMapping
{
    public static void CopyCall(Call call, DateTimeOffset now, CallRecord row)
    {
        row.ConversationId = call.ConversationId;
        row.Direction = call.Direction;
        row.CallerNumber = call.CallerNumber;
        row.CallerName = call.CallerName;
        row.CalleeNumber = call.CalleeNumber;
        row.RedirectedFrom = call.RedirectedFrom;
        row.RedirectedTo = call.RedirectedTo;
        row.State = call.State;
        row.StartedAt = call.StartedAt.ToUniversalTime();
        row.AnsweredAt = call.AnsweredAt?.ToUniversalTime();
        row.EndedAt = call.EndedAt?.ToUniversalTime();
        row.TimeBeforeConnectionSeconds = WholeSeconds(call.TimeBeforeConnectionAt(now));
        row.DurationSeconds = WholeSeconds(call.DurationAt(now));
        row.TalkSeconds = WholeSeconds(call.TalkTimeAt(now));
        row.HoldSeconds = WholeSeconds(call.HoldTimeAt(now));
        row.EndReason = call.EndReason;
        row.ParentPbxCallId = call.ParentPbxCallId;
        row.Comment = call.Comment ?? row.Comment;

        // A later snapshot that knows less (no comment, no match after a resync) keeps what an earlier one gave.
        if (call.CallerMatch.Chosen is { } chosen)
        {
            row.ContactId = chosen.ContactId;
            row.AccountId = chosen.AccountId;
        }
    }

    /// <summary>Whole seconds, cut down like a PBX's own call records: 61.9 s is 61.</summary>
    public static int WholeSeconds(TimeSpan time) => (int)Math.Clamp(Math.Floor(time.TotalSeconds), 0, int.MaxValue);
}
