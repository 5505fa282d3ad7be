using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>One row of the call log as the Calls section reads it, with the linked contact's and account's names.</summary>
public sealed record CallLogEntry(
    Guid Id,
    string PbxCallId,
    string Line,
    string ConversationId,
    Guid? UserId,
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
    DateTimeOffset UpdatedAt);

/// <summary>A page of the log, newest first; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
public sealed record CallLogPage(IReadOnlyList<CallLogEntry> Items, string? Next);
