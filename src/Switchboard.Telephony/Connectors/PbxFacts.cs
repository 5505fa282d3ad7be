using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Connectors;

/// <summary>Something that happened on the PBX, as a connector reports it. Facts carry no decisions.</summary>
public abstract record PbxFact;

/// <summary>A call appeared on a line, ringing (incoming) or dialing (placed by the line).</summary>
public sealed record CallAppeared(
    CallKey Key,
    string ConversationId,
    CallDirection Direction,
    string CallerNumber,
    string? CallerName,
    string CalleeNumber) : PbxFact
{
    /// <summary>For a consultation: the PBX call id of the held call on the same line.</summary>
    public string? ParentPbxCallId { get; init; }

    /// <summary>The party that transferred the call to this line.</summary>
    public string? RedirectedFrom { get; init; }

    /// <summary>The call is a supervisor listening in.</summary>
    public bool IsListening { get; init; }

    /// <summary>For a supervisor's call: listen, whisper or barge.</summary>
    public SupervisionMode SupervisionMode { get; init; }

    /// <summary>For a supervisor's call: the agent's call it joins, when known; that call shows the supervisor.</summary>
    public CallKey? SupervisedCall { get; init; }

    /// <summary>For a resync: the call was already answered before the connector saw it.</summary>
    public bool AlreadyAnswered { get; init; }

    /// <summary>For a resync: the answered call is on hold now.</summary>
    public bool AlreadyHeld { get; init; }

    /// <summary>For a resync: the call's microphone is muted now.</summary>
    public bool AlreadyMuted { get; init; }

    /// <summary>For a resync: how long ago the call began at the PBX, when the PBX says; a server that takes it up after a restart keeps its start.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>For a resync of an answered call: how long ago it was answered, when the PBX says.</summary>
    public TimeSpan? AnsweredAge { get; init; }
}

public sealed record CallAnswered(CallKey Key) : PbxFact;

public sealed record CallHeld(CallKey Key) : PbxFact;

public sealed record CallUnheld(CallKey Key) : PbxFact;

/// <summary>The called party is busy; an <see cref="CallEnded"/> follows.</summary>
public sealed record CallRemoteBusy(CallKey Key) : PbxFact;

public sealed record CallMuteChanged(CallKey Key, bool Muted) : PbxFact;

/// <summary>The far end of a call changed, as when a transfer joins this line with another party.</summary>
public sealed record CallPartyChanged(CallKey Key, string CallerNumber, string? CallerName, string CalleeNumber) : PbxFact
{
    public CallDirection? Direction { get; init; }
    public string? RedirectedFrom { get; init; }
}

/// <summary>Why the PBX ended a call.</summary>
public enum HangupCause
{
    Normal,
    Busy,
    NoAnswer,
    Rejected,
    Failed,
    Transferred,
}

/// <summary>Which end hung up, as far as the PBX can tell.</summary>
public enum HangupSide
{
    Unknown,
    Local,
    Remote,
}

public sealed record CallEnded(CallKey Key, HangupCause Cause, HangupSide Side) : PbxFact
{
    /// <summary>Where the call went, when it ended by being transferred.</summary>
    public string? TransferTarget { get; init; }
}

/// <summary>
/// A line's call is being recorded, or no longer is. <paramref name="File"/> is the recording's file as the PBX
/// names it (Asterisk: the absolute path MixMonitor resolved); null when this fact does not say it.
/// </summary>
public sealed record CallRecordingChanged(CallKey Key, bool Recording, string? File) : PbxFact;

public sealed record DtmfSeen(CallKey Key, char Digit) : PbxFact;

public sealed record AgentStatusReported(string Line, AgentStatus Status) : PbxFact;

public sealed record CallCentreModeReported(string Line, bool Enabled) : PbxFact;

/// <summary>
/// The PBX itself keeps the line in after-call work for <paramref name="Duration"/> from now (Asterisk's queue
/// <c>wrapuptime</c> after a queue call): it offers the line no queue calls until then, and nothing Switchboard
/// sends can shorten it.
/// </summary>
public sealed record WrapUpReported(string Line, TimeSpan Duration) : PbxFact;

/// <summary>The PBX link came up or went down.</summary>
public sealed record PbxLinkChanged(bool IsUp, string? Reason) : PbxFact;

/// <summary>The full list of active calls after the link came back; the tracker reconciles with it.</summary>
public sealed record ActiveCallsReported(IReadOnlyList<CallAppeared> Calls) : PbxFact;

/// <summary>The PBX's own text of a message, for users who asked to see it.</summary>
public sealed record RawPbxMessage(string? Line, string Text) : PbxFact;

/// <summary>
/// A party joined a conference. <paramref name="MemberId"/> names the party within the conference (for Asterisk its
/// channel); <paramref name="Call"/> is the line's call the party's channel carries, when it is a line's.
/// </summary>
public sealed record ConferenceJoined(string ConferenceId, string ConferenceName, string MemberId, ConferenceMember Member, CallKey? Call) : PbxFact;

public sealed record ConferenceLeft(string ConferenceId, string MemberId) : PbxFact;

/// <summary>The conference is over: whoever was still listed in it is not any more.</summary>
public sealed record ConferenceEnded(string ConferenceId) : PbxFact;
