namespace Switchboard.Connectors.Asterisk.Mapping;

/// <summary>
/// Where a line's call runs on the PBX now, for the connector's commands: <see cref="LineChannel"/> is what
/// Hangup, PlayDTMF and Atxfer act on, <see cref="FarChannel"/> what Park, Redirect and BlindTransfer move.
/// </summary>
/// <param name="LineChannel">The line's channel; null while the call is parked and the line has no channel for it.</param>
/// <param name="FarChannel">The real party at the other end (a trunk or another line), through any Local channels.</param>
/// <param name="BridgeId">The bridge the line's channel is in.</param>
/// <param name="ParkingSpace">The space where the other party waits, when the call is held by parking.</param>
public sealed record CallChannels(string? LineChannel, string? FarChannel, string? BridgeId, string? ParkingSpace);
