using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

/// <summary>A line as the tracker sees it now: what a newly connected client is told.</summary>
public sealed record LineSnapshot(
    string Line,
    AgentStatus AgentStatus,
    bool CallCentreMode,
    CallOperations Operations,
    Guid? CurrentCallId,
    IReadOnlyList<Call> ActiveCalls);
