using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

/// <summary>
/// Asterisk's queues know only paused or not, and its presence has no reasons of ours. The state an agent chose
/// in Switchboard (away with a reason, do not disturb, offline) is kept here, so that the pause and the presence
/// Asterisk reports back read as that state. A pause or a presence set elsewhere (the phone, another tool) reads
/// as Asterisk reports it: away with its reason, or the presence's state and message.
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

            // The echo of the choice: its pause (away, with the reason the choice was paused for) or its presence
            // (the same state; an offline presence carries no reason back).
            return _chosen.TryGetValue(reported.Line, out var chosen) && chosen.State != AgentState.Available
                && (string.Equals(ReasonFor(chosen), reported.Status.Reason, StringComparison.Ordinal)
                    || (chosen.State == reported.Status.State && reported.Status.Reason is null))
                    ? reported with { Status = chosen }
                    : fact;
        }
    }
}
