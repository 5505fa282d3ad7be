using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Telephony.Tracking;

// What a line may do, which call is current and the agent's state: recomputed after every
// change on the line and announced only when they differ from what was last announced.
public sealed partial class CallTracker
{
    private readonly Dictionary<Guid, CallOperations> _announcedOperations = [];

    private void RefreshLine(string line, List<TrackerEvent> events)
    {
        var state = Line(line);
        var calls = CallsOn(line).ToList();

        foreach (var call in calls)
        {
            var operations = OperationsOf(call);
            if (call.Operations != operations)
            {
                _active[call.Key] = call with { Operations = operations };
            }

            if (!_announcedOperations.TryGetValue(call.Id, out var announced) || announced != operations)
            {
                _announcedOperations[call.Id] = operations;
                events.Add(new LineOperationsChanged(line, call.Id, operations));
            }
        }

        var lineOperations = OperationRules.ForLine(calls) & _capabilities.OperationsFor(line);
        if (lineOperations != state.AnnouncedOperations)
        {
            state.AnnouncedOperations = lineOperations;
            events.Add(new LineOperationsChanged(line, null, lineOperations));
        }

        var current = CurrentOf(calls);
        if (current != state.CurrentCallId)
        {
            state.CurrentCallId = current;
            events.Add(new CurrentCallChanged(line, current));
        }

        RefreshAgentStatus(state, calls, events);
    }

    private void RefreshAgentStatus(LineState state, List<Call> calls, List<TrackerEvent> events)
    {
        var now = _time.GetUtcNow();
        var onCall = calls.Any(c => c.State != CallState.Alerting || c.IsPlacedByLine);
        if (!onCall && state.AnnouncedStatus.State == AgentState.Busy && state.ChosenStatus.State == AgentState.Available
            && _capabilities.WrapUp && _options.WrapUpFor(state.Line) is { } wrapUp && wrapUp > TimeSpan.Zero)
        {
            // The PBX may already hold the line for longer (a queue's wrap-up): the later end wins, so the
            // panel never shows the agent available while the PBX still withholds calls.
            state.WrapUpUntil = Later(state.WrapUpUntil, now + wrapUp);
            events.Add(new WrapUpStarted(state.Line, state.WrapUpUntil.Value));
        }

        var status = state.ChosenStatus.State != AgentState.Available ? state.ChosenStatus
            : onCall ? new AgentStatus(AgentState.Busy)
            : state.WrapUpUntil > now ? new AgentStatus(AgentState.WrapUp)
            : AgentStatus.Available;
        if (status != state.AnnouncedStatus)
        {
            state.AnnouncedStatus = status;
            events.Add(new AgentStatusChanged(state.Line, status));
        }
    }

    // The PBX's own after-call work (it comes while the call is still up, or just after): shown once the line
    // has no call, and never cut short by the tracker's own, shorter wrap-up.
    private void HoldInWrapUp(WrapUpReported fact, List<TrackerEvent> events)
    {
        if (fact.Duration <= TimeSpan.Zero)
        {
            return;
        }

        var state = Line(fact.Line);
        var until = Later(state.WrapUpUntil, _time.GetUtcNow() + fact.Duration);
        if (until != state.WrapUpUntil)
        {
            state.WrapUpUntil = until;
            events.Add(new WrapUpStarted(state.Line, until));
        }

        RefreshLine(fact.Line, events);
    }

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset proposed) =>
        current is { } known && known > proposed ? known : proposed;

    private void SetCallCentreMode(CallCentreModeReported fact, List<TrackerEvent> events)
    {
        var state = Line(fact.Line);
        if (state.CallCentreMode != fact.Enabled)
        {
            state.CallCentreMode = fact.Enabled;
            events.Add(new CallCentreModeChanged(fact.Line, fact.Enabled));
        }
    }

    private CallOperations OperationsOf(Call call)
    {
        var consultation = _active.Values.FirstOrDefault(c =>
            c.ParentCallId == call.Id && string.Equals(c.Line, call.Line, StringComparison.Ordinal));
        var isConsultation = call.ParentCallId is { } parentId && _keysById.ContainsKey(parentId);
        return OperationRules.ForCall(call, consultation, isConsultation) & _capabilities.OperationsFor(call.Line);
    }

    // The current call is the newest call that is not on hold; failing that, the newest held one.
    private static Guid? CurrentOf(List<Call> calls) =>
        calls.LastOrDefault(c => c.State != CallState.Held)?.Id ?? calls.LastOrDefault()?.Id;
}
