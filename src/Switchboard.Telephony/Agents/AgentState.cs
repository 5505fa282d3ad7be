namespace Switchboard.Telephony.Agents;

/// <summary>An agent's state on a line (design.md). <see cref="Busy"/> and <see cref="WrapUp"/> are set by the system.</summary>
public enum AgentState
{
    Available,
    Away,
    DoNotDisturb,
    WrapUp,
    Busy,
    Offline,
}
