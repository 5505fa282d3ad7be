using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

// The agent sees a supervisor in the call for exactly as long as the supervisor's own call is up:
// that call is the one thing the PBX reports, so it alone sets and clears what the agent sees.
public sealed partial class CallTracker
{
    private void ShowSupervisor(Call supervisor, List<TrackerEvent> events)
    {
        if (!supervisor.IsListening || supervisor.SupervisedCall is not { } key || !_active.TryGetValue(key, out var agentCall))
        {
            return;
        }

        var supervision = new CallSupervision(supervisor.SupervisionMode, supervisor.Line);
        if (agentCall.Supervision == supervision)
        {
            return;
        }

        _active[key] = agentCall with { Supervision = supervision };
        Announce(CallChangeKind.InfoChanged, key, events);
    }

    private void HideSupervisor(Call supervisor, List<TrackerEvent> events)
    {
        // A second supervisor who joined later owns the badge now: the first one leaving does not clear it.
        if (!supervisor.IsListening
            || supervisor.SupervisedCall is not { } key
            || !_active.TryGetValue(key, out var agentCall)
            || agentCall.Supervision?.SupervisorLine != supervisor.Line)
        {
            return;
        }

        _active[key] = agentCall with { Supervision = null };
        Announce(CallChangeKind.InfoChanged, key, events);
    }
}
