namespace Switchboard.Connectors.Simulator;

/// <summary>
/// An active sim call as <c>GET /api/simulator/calls</c> shows it.
/// <see cref="State"/> is <c>ringing</c>, <c>waiting</c> (in a queue, nobody rung yet) or <c>connected</c>.
/// </summary>
public sealed record SimCallInfo(
    string Id,
    string ConversationId,
    string State,
    SimEndInfo Caller,
    SimEndInfo? Callee,
    string? Queue,
    string? ListeningTo);

/// <summary>
/// One end of a sim call: <see cref="Kind"/> is <c>line</c> or <c>external</c>; <see cref="State"/> is
/// <c>dialing</c>, <c>ringing</c>, <c>connected</c> or <c>held</c>. <see cref="PbxCallId"/> is set for a line.
/// </summary>
public sealed record SimEndInfo(string Number, string Kind, string State, string? PbxCallId);
