using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// The presence side of the resync after a (re)connection: the PresenceStateList items (PresenceStateChange events
// with the list's ActionID). Asterisk keeps CustomPresence in its database across restarts, so a line set to dnd
// or away while the link was down, or before the server started, is that state now.
public sealed partial class AmiCallMapper
{
    /// <summary>
    /// The agent states that the lines' presences say, for those that are not available: an available presence
    /// says nothing over the pause that QueueStatus reported just before (it would end a queue pause's away).
    /// </summary>
    public IReadOnlyList<PbxFact> ResyncPresence(IEnumerable<AmiMessage> presenceStateList)
    {
        ArgumentNullException.ThrowIfNull(presenceStateList);
        lock (_gate)
        {
            var facts = new List<PbxFact>();
            foreach (var item in presenceStateList)
            {
                if (string.Equals(item.EventName, "PresenceStateChange", StringComparison.OrdinalIgnoreCase)
                    && PresenceOf(item) is { Status.State: not AgentState.Available } presence)
                {
                    facts.Add(presence);
                }
            }

            return facts;
        }
    }
}
