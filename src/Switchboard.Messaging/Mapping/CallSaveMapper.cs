using Switchboard.Contracts;
using Domain = Switchboard.Telephony;

namespace Switchboard.Messaging.Mapping;

/// <summary>Turns the tracker's call into the CRM's save of it, the same in every role.</summary>
public static class CallSaveMapper
{
    /// <summary>The whole call as its line saw it; an active call is measured at <paramref name="now"/>.</summary>
    public static CallSaveRequest ToSaveRequest(Domain.Calls.Call call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var chosen = call.CallerMatch.Chosen;
        return new CallSaveRequest
        {
            ConversationId = call.ConversationId,
            Direction = ContractMapper.ByName<CallDirection>(call.Direction),
            CallerNumber = call.CallerNumber,
            CallerName = call.CallerName,
            CalleeNumber = call.CalleeNumber,
            RedirectedFrom = call.RedirectedFrom,
            RedirectedTo = call.RedirectedTo,
            State = ContractMapper.ByName<CallState>(call.State),
            StartedAt = call.StartedAt,
            AnsweredAt = call.AnsweredAt,
            EndedAt = call.EndedAt,
            TimeBeforeConnectionSeconds = WholeSeconds(call.TimeBeforeConnectionAt(now)),
            DurationSeconds = WholeSeconds(call.DurationAt(now)),
            TalkSeconds = WholeSeconds(call.TalkTimeAt(now)),
            HoldSeconds = WholeSeconds(call.HoldTimeAt(now)),
            EndReason = call.EndReason is { } reason ? ContractMapper.ByName<CallEndReason>(reason) : null,
            ParentPbxCallId = call.ParentPbxCallId,

            // A colleague matched by extension is a user, not a CRM record: the call links to no contact.
            ContactId = chosen?.ContactId,
            AccountId = chosen?.AccountId,
            Comment = call.Comment,
            RecordingFile = call.RecordingFile,
        };
    }

    /// <summary>Whole seconds, cut down like a PBX's own call records: 61.9 s is 61.</summary>
    public static int WholeSeconds(TimeSpan time) => (int)Math.Clamp(Math.Floor(time.TotalSeconds), 0, int.MaxValue);
}
