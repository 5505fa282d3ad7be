namespace Switchboard.Contracts;

// Payloads of the server-to-client messages. The call events (callStarted, commutationStarted,
// callBusy, hold, unhold, callInfoChanged, callFinished) carry a CallDto.

public sealed record CtiUser(Guid Id, string Login, string DisplayName, UserRole Role);

public sealed record AgentStatusDto(AgentState State, string? Reason);

public sealed record LineInfo(string Line, AgentStatusDto AgentState, bool CallCentreMode, LineOperations Operations);

public sealed record PbxCapabilitiesDto(
    LineOperations CallOperations,
    bool WrapUp,
    bool CallCentreMode,
    bool CallRecording,
    bool Listen)
{
    /// <summary>Supervisors may also whisper to the agent (<c>listenCall</c> with <c>mode: "whisper"</c>).</summary>
    public bool Whisper { get; init; }

    /// <summary>Supervisors may also barge in, talking to both parties (<c>mode: "barge"</c>).</summary>
    public bool Barge { get; init; }
}

public sealed record InitializedEvent(
    CtiUser User,
    string? Line,
    IReadOnlyList<LineInfo> Lines,
    PbxCapabilitiesDto Capabilities,
    IReadOnlyList<string> AwayReasons,
    bool PbxConnected);

public sealed record DisconnectedEvent(string Source, string? Reason);

public sealed record LineStateChangedEvent(string Line, Guid? CallId, LineOperations Operations);

public sealed record AgentStateChangedEvent(string Line, AgentState State, string? Reason);

public sealed record CallCentreStateChangedEvent(string Line, bool Enabled);

public sealed record CurrentCallChangedEvent(string Line, Guid? CallId);

public sealed record DtmfEnteredEvent(Guid CallId, string Line, string Digit);

public sealed record ActiveCallSnapshotEvent(IReadOnlyList<CallDto> Calls, IReadOnlyList<CurrentCallChangedEvent> CurrentCalls);

public sealed record CallSavedEvent(Guid CallId, string PbxCallId, string Line, Guid RecordId);

public sealed record ErrorEvent(string Code, string Message, string? Command, Guid? CallId);

public sealed record RawMessageEvent(string? Line, string Text);
