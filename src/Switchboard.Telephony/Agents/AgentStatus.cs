namespace Switchboard.Telephony.Agents;

/// <summary>An agent state with its reason (the reason is used by <see cref="AgentState.Away"/>).</summary>
public sealed record AgentStatus(AgentState State, string? Reason = null)
{
    public static AgentStatus Available { get; } = new(AgentState.Available);

    /// <summary>States an agent may choose; the others are the system's to set.</summary>
    public static bool IsChoosable(AgentState state) =>
        state is AgentState.Available or AgentState.Away or AgentState.DoNotDisturb or AgentState.Offline;
}
