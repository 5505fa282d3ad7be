using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Connectors;

/// <summary>What a PBX can ever offer: the call operations and the agent features it has.</summary>
public sealed record PbxCapabilities(
    CallOperations CallOperations,
    bool WrapUp,
    bool CallCentreMode,
    bool CallRecording,
    bool Listen);
