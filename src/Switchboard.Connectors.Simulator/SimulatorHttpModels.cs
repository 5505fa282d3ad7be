namespace Switchboard.Connectors.Simulator;

// The bodies of the simulator's HTTP endpoints (camelCase in JSON).

/// <summary>Body of <c>POST /api/simulator/calls</c>: an outside number calling an extension or a queue.</summary>
public sealed record InboundCallRequest(string? From, string? To);

public sealed record InboundCallResponse(string Id);

public sealed record DtmfRequest(string? Digits);

public sealed record LinkDownRequest(string? Reason);
