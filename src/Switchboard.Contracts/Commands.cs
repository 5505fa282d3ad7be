namespace Switchboard.Contracts;

// Arguments of the client-to-server commands. Every command takes one argument object;
// a missing or malformed one is refused with an error.

public sealed record MakeCallRequest(string Number, string? Line = null);

public sealed record CallRequest(Guid CallId);

/// <summary><c>listenCall</c>: without a mode the supervisor listens, as before modes existed.</summary>
public sealed record ListenCallRequest(Guid CallId, SupervisionMode? Mode = null);

public sealed record TransferRequest(Guid CallId, string Target);

public sealed record SendDtmfRequest(Guid CallId, string Digits);

public sealed record SetAgentStateRequest(AgentState State, string? Reason = null, string? Line = null);

public sealed record SetCallCentreModeRequest(bool Enabled, string? Line = null);
