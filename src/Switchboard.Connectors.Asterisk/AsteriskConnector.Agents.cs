using Switchboard.Connectors.Asterisk.Setup;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

// Agent state through queue pause and the line's presence, call-centre mode through queue membership, listening through ChanSpy.
public sealed partial class AsteriskConnector
{
    public async Task SetAgentStatusAsync(string line, AgentStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var paused = status.State != AgentState.Available;
        _agents.Choose(line, status);
        foreach (var queue in _options.Queues)
        {
            var response = await _ami.SendActionAsync(
                AsteriskActions.QueuePause(queue, Device(line), paused, paused ? AgentStateBook.ReasonFor(status) : null),
                cancellationToken);

            // A line that is no member of the queue has nothing to pause there; its state is still the agent's to choose.
            if (string.Equals(response.Response, "Error", StringComparison.OrdinalIgnoreCase) && !AgentStateBook.IsNotAMember(response))
            {
                throw new PbxCommandException($"Asterisk refused QueuePause in queue {queue}: {response["Message"] ?? "no reason given"}.");
            }
        }

        await PublishPresenceAsync(line, status, cancellationToken);
        _facts.Writer.TryWrite(new AgentStatusReported(line, status));
    }

    public async Task SetCallCentreModeAsync(string line, bool enabled, CancellationToken cancellationToken)
    {
        foreach (var queue in _options.Queues)
        {
            var action = enabled ? AsteriskActions.QueueAdd(queue, Device(line)) : AsteriskActions.QueueRemove(queue, Device(line));
            var response = await _ami.SendActionAsync(action, cancellationToken);

            // "Already there" and "Not there" mean the line is already where it was asked to be.
            if (string.Equals(response.Response, "Error", StringComparison.OrdinalIgnoreCase)
                && !(response["Message"]?.Contains("there", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                throw new PbxCommandException($"Queue {queue}: {AsteriskRefusals.Explain(action.Name, response["Message"])}");
            }
        }

        _facts.Writer.TryWrite(new CallCentreModeReported(line, enabled));
    }

    public Task ListenAsync(string supervisorLine, CallKey call, SupervisionMode mode, CancellationToken cancellationToken) =>
        SendAsync(AsteriskActions.Listen(Device(supervisorLine), Device(call.Line), call.Line, mode), cancellationToken);
}
