using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// Agents and queues: an agent's state and call-centre mode decide whether a queue rings its line.
public sealed partial class SimulatedPbx
{
    public Task SetAgentStatusAsync(string line, AgentStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(status);
        return Command(() =>
        {
            FindLine(line).Status = status;
            Emit(new AgentStatusReported(line, status));
        }, cancellationToken);
    }

    /// <summary>In call-centre mode a line is a member of every queue.</summary>
    public Task SetCallCentreModeAsync(string line, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Command(() =>
        {
            FindLine(line).CallCentreMode = enabled;
            Emit(new CallCentreModeReported(line, enabled));
        }, cancellationToken);
    }

    /// <summary>
    /// Rings one free member for each waiting queue call, oldest call first, the member idle longest first.
    /// Runs after everything that can free a member or bring a caller: so a caller waits only while nobody is free.
    /// </summary>
    private void DispatchQueues()
    {
        foreach (var waiting in _calls.Values.Where(c => c.IsWaitingInQueue).OrderBy(c => c.Sequence).ToList())
        {
            var member = _lines.Values
                .Where(l => l.IsFreeQueueMember)
                .OrderBy(l => l.IdleSince)
                .ThenBy(l => l.Order)
                .FirstOrDefault();
            if (member is null)
            {
                return;
            }

            RingLine(waiting, member, calleeNumber: waiting.Queue!.Number, waiting.RedirectedFrom, _options.QueueRingTimeout);
        }
    }
}
