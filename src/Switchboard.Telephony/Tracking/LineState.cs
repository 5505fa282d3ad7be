using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

/// <summary>The tracker's memory of one line: what it last announced and what the agent chose.</summary>
internal sealed class LineState(string line)
{
    public string Line { get; } = line;
    public AgentStatus ChosenStatus { get; set; } = AgentStatus.Available;
    public AgentStatus AnnouncedStatus { get; set; } = AgentStatus.Available;
    public bool CallCentreMode { get; set; }
    public Guid? CurrentCallId { get; set; }
    public CallOperations AnnouncedOperations { get; set; } = CallOperations.Dial;
    public DateTimeOffset? WrapUpUntil { get; set; }
}
