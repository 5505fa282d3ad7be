namespace Switchboard.Contracts;

/// <summary>
/// The body of <c>PUT /api/calls/pbx/{pbxCallId}/{line}</c>: one call as one line saw it, the
/// whole of it each time. The path is the idempotency key, so sending the same call again, or a
/// later state of it, updates its row and never makes a second one. Durations are whole seconds;
/// moments are stored in UTC whatever offset they carry.
/// </summary>
public sealed record CallSaveRequest
{
    public required string ConversationId { get; init; }
    public required CallDirection Direction { get; init; }
    public required string CallerNumber { get; init; }
    public string? CallerName { get; init; }
    public required string CalleeNumber { get; init; }
    public string? RedirectedFrom { get; init; }
    public string? RedirectedTo { get; init; }
    public required CallState State { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int TimeBeforeConnectionSeconds { get; init; }
    public int DurationSeconds { get; init; }
    public int TalkSeconds { get; init; }
    public int HoldSeconds { get; init; }
    public CallEndReason? EndReason { get; init; }

    /// <summary>For a consultation: the PBX call id of the call it was made from, on the same line.</summary>
    public string? ParentPbxCallId { get; init; }

    /// <summary>The contact the call was matched to, if any; a link made by hand in the CRM is never replaced by it.</summary>
    public Guid? ContactId { get; init; }

    public Guid? AccountId { get; init; }

    /// <summary>The agent's comment; null keeps the one the row has.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// The call's recording as the PBX names it (a path or a file name, looked up under the CRM's recordings
    /// folder by its file name); null keeps the one the row has.
    /// </summary>
    public string? RecordingFile { get; init; }
}

/// <summary>The answer to a save: the id of the call's row in the log.</summary>
public sealed record CallSaveResponse(Guid Id);
