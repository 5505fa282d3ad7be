using Switchboard.Telephony.Agents;

namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>One extension: the agent's state as set through the connector, and its ends in active calls.</summary>
internal sealed class SimLine(string number, int order)
{
    public string Number { get; } = number;

    /// <summary>The order in configuration, which breaks ties between members idle for as long.</summary>
    public int Order { get; } = order;

    public AgentStatus Status { get; set; } = AgentStatus.Available;

    public bool CallCentreMode { get; set; }

    public List<LineEnd> Ends { get; } = [];

    /// <summary>When the line's last call ended: the queue rings the member idle longest first.</summary>
    public DateTimeOffset IdleSince { get; set; } = DateTimeOffset.MinValue;

    public bool IsFreeQueueMember =>
        CallCentreMode && Status.State == AgentState.Available && Ends.Count == 0;
}

/// <summary>A call queue; its members are the lines in call-centre mode.</summary>
internal sealed record SimQueue(string Number, string Name);
