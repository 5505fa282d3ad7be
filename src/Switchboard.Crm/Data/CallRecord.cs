using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Data;

/// <summary>
/// One call as one line saw it: a row of the call log. (PbxCallId, Line) is the idempotency key.
/// Contact, account and user ids are plain columns without foreign keys on purpose: the log
/// is history and must stay writable and readable whatever happens to the CRM records later.
/// </summary>
public sealed class CallRecord
{
    public Guid Id { get; set; }
    public required string PbxCallId { get; set; }
    public required string Line { get; set; }
    public required string ConversationId { get; set; }
    public Guid? UserId { get; set; }
    public CallDirection Direction { get; set; }
    public required string CallerNumber { get; set; }
    public string? CallerName { get; set; }
    public required string CalleeNumber { get; set; }
    public string? RedirectedFrom { get; set; }
    public string? RedirectedTo { get; set; }
    public CallState State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int TimeBeforeConnectionSeconds { get; set; }
    public int DurationSeconds { get; set; }
    public int TalkSeconds { get; set; }
    public int HoldSeconds { get; set; }
    public CallEndReason? EndReason { get; set; }
    public string? ParentPbxCallId { get; set; }
    public Guid? ParentCallId { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? AccountId { get; set; }

    /// <summary>A user linked the call to its contact or account in the CRM; saves from the PBX side no longer change the link.</summary>
    public bool LinkedManually { get; set; }
    public string? Comment { get; set; }

    /// <summary>The call's recording as the PBX named it; served by <c>GET /api/calls/{id}/recording</c>.</summary>
    public string? RecordingFile { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
