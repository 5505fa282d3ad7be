namespace Switchboard.Contracts;

/// <summary>
/// A row of the call log whose call is not finished (<c>GET /api/calls/open</c>): its key, when the
/// log last heard of it, and the call as its last save left it.
/// </summary>
public sealed record OpenCall(string PbxCallId, string Line, DateTimeOffset UpdatedAt, CallSaveRequest Call);
