using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>
/// One row of the call log as the Calls section reads it, with the names of who handled it
/// (<see cref="UserId"/>, <see cref="UserName"/>) and of the linked contact and account.
/// </summary>
public sealed record CallLogEntry(
    Guid Id,
    string PbxCallId,
    string Line,
    string ConversationId,
    Guid? UserId,
    string? UserName,
    CallDirection Direction,
    string CallerNumber,
    string? CallerName,
    string CalleeNumber,
    string? RedirectedFrom,
    string? RedirectedTo,
    CallState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    int TimeBeforeConnectionSeconds,
    int DurationSeconds,
    int TalkSeconds,
    int HoldSeconds,
    CallEndReason? EndReason,
    string? ParentPbxCallId,
    Guid? ParentCallId,
    Guid? ContactId,
    string? ContactName,
    Guid? AccountId,
    string? AccountName,
    string? Comment,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The call has a recording; <c>GET /api/calls/{id}/recording</c> plays it.</summary>
    public bool HasRecording { get; init; }
}

/// <summary>A page of the log in the order asked for; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
public sealed record CallLogPage(IReadOnlyList<CallLogEntry> Items, string? Next);

/// <summary>
/// One of a user's recent calls, for the panel's history: who was at the other end and the number
/// to call them back on, as the PBX gave it. <see cref="Missed"/>: an incoming call that ended
/// without being answered.
/// </summary>
public sealed record RecentCall(
    Guid Id,
    string PbxCallId,
    string Line,
    CallDirection Direction,
    CallState State,
    DateTimeOffset StartedAt,
    int DurationSeconds,
    int TalkSeconds,
    CallEndReason? EndReason,
    bool Missed,
    string CallBackNumber,
    string? CallerName,
    Guid? ContactId,
    string? ContactName,
    Guid? AccountId,
    string? AccountName)
{
    public static RecentCall From(CallLogEntry call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var placedByLine = call.Direction == CallDirection.Outgoing
            || (call.Direction == CallDirection.Internal && string.Equals(call.CallerNumber, call.Line, StringComparison.Ordinal));
        return new(
            call.Id,
            call.PbxCallId,
            call.Line,
            call.Direction,
            call.State,
            call.StartedAt,
            call.DurationSeconds,
            call.TalkSeconds,
            call.EndReason,
            Missed: call.Direction == CallDirection.Incoming && call.State == CallState.Finished && call.AnsweredAt is null,
            CallBackNumber: placedByLine ? call.CalleeNumber : call.CallerNumber,
            call.CallerName,
            call.ContactId,
            call.ContactName,
            call.AccountId,
            call.AccountName);
    }
}
