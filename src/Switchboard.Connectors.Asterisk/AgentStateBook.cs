using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

/// <summary>
/// Asterisk knows only paused or not. The state an agent chose in Switchboard (away with a reason,
/// do not disturb, offline) is kept here, so that the pause Asterisk reports back reads as that state.
/// A pause made elsewhere (the phone, another tool) reads as away with Asterisk's reason.
/// </summary>
internal sealed class AgentStateBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentStatus> _chosen = new(StringComparer.Ordinal);

    public static string ReasonFor(AgentStatus status) => status.State switch
    {
        AgentState.DoNotDisturb => "Do not disturb",
        AgentState.Offline => "Offline",
        _ => status.Reason ?? "Away",
    };

    public static bool IsNotAMember(AmiMessage response) =>
        response["Message"]?.Contains("not found", StringComparison.OrdinalIgnoreCase) ?? false;

    public void Choose(string line, AgentStatus status)
    {
        lock (_gate)
        {
            _chosen[line] = status;
        }
    }

    public PbxFact Translate(PbxFact fact)
    {
        if (fact is not AgentStatusReported reported)
        {
            return fact;
        }

        lock (_gate)
        {
            if (reported.Status.State == AgentState.Available)
            {
                _chosen.Remove(reported.Line);
                return fact;
            }

            return _chosen.TryGetValue(reported.Line, out var chosen) && chosen.State != AgentState.Available
                && string.Equals(ReasonFor(chosen), reported.Status.Reason, StringComparison.Ordinal)
                    ? reported with { Status = chosen }
                    : fact;
        }
    }
}
