namespace Switchboard.Contracts;

/// <summary>A call as the client sees it (design.md, "A call as the client sees it").</summary>
public sealed record CallDto
{
    public required Guid Id { get; init; }
    public required string PbxCallId { get; init; }
    public required string ConversationId { get; init; }
    public required string Line { get; init; }
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
    public double TimeBeforeConnectionSeconds { get; init; }
    public double DurationSeconds { get; init; }
    public double TalkSeconds { get; init; }
    public double HoldSeconds { get; init; }
    public CallEndReason? EndReason { get; init; }
    public Guid? ParentCallId { get; init; }
    public string? ParentPbxCallId { get; init; }
    public ContactCandidateDto? Contact { get; init; }
    public IReadOnlyList<ContactCandidateDto> Candidates { get; init; } = [];
    public string? Comment { get; init; }
    public bool Muted { get; init; }
    public bool IsListening { get; init; }

    /// <summary>The call is being recorded now.</summary>
    public bool Recording { get; init; }

    /// <summary>The call has a recording (being made or made): once the call is saved, <c>GET /api/calls/{recordId}/recording</c> plays it.</summary>
    public bool HasRecording { get; init; }

    /// <summary>For a supervisor's own call (<see cref="IsListening"/>): listen, whisper or barge.</summary>
    public SupervisionMode? ListenMode { get; init; }

    /// <summary>For an agent's call: a supervisor is in it now (listening, whispering or barged in), from which line.</summary>
    public SupervisionDto? Supervision { get; init; }

    /// <summary>The conference this call is in now, with everyone in it; null outside one.</summary>
    public ConferenceDto? Conference { get; init; }

    public required LineOperations Operations { get; init; }
}

/// <summary>A conference and its members now. <see cref="Id"/> is the same on every member's call.</summary>
public sealed record ConferenceDto(string Id, string Name, IReadOnlyList<ConferenceMemberDto> Members);

/// <summary>A party in a conference: its number, its name where known (a contact, or the caller ID), its line when it is an agent's.</summary>
public sealed record ConferenceMemberDto(string Number, string? Name, string? Line);

/// <summary>A supervisor in an agent's call: how, and the supervisor's line.</summary>
public sealed record SupervisionDto(SupervisionMode Mode, string SupervisorLine);

/// <summary>A CRM record that the call's remote number matched, or for an internal extension the colleague who owns it.</summary>
public sealed record ContactCandidateDto(
    Guid? ContactId,
    string? ContactName,
    Guid? AccountId,
    string? AccountName,
    string MatchedBy)
{
    /// <summary>For an internal extension (<c>matchedBy: "extension"</c>): the user who owns the line.</summary>
    public Guid? UserId { get; init; }

    /// <summary>For an internal extension: the display name of the user who owns the line.</summary>
    public string? UserName { get; init; }
}
