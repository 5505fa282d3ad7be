using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// A supervisor listening, whispering or barging in: a sim call of its own in the listened conversation, which
// follows one line end. The simulator carries no audio, so the three differ only in what the agent is shown.
public sealed partial class SimulatedPbx
{
    public Task ListenAsync(string supervisorLine, CallKey call, SupervisionMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supervisorLine);
        return Command(() =>
        {
            FindLine(supervisorLine);
            var listened = FindLineEnd(call);
            if (listened.IsListening)
            {
                throw new PbxCommandException($"{Describe(listened)} is itself a supervisor listening in.");
            }

            if (string.Equals(supervisorLine, call.Line, StringComparison.Ordinal))
            {
                throw new PbxCommandException($"Line {supervisorLine} cannot listen to its own call.");
            }

            if (!listened.IsAnswered)
            {
                throw new PbxCommandException($"{Describe(listened)} is not answered yet; a supervisor can listen once it is.");
            }

            var id = NextCallId();
            var supervisor = AddLineEnd(new LineEnd(new CallKey(id, supervisorLine), EndState.Connected, placedCall: true, NextSequence())
            {
                Direction = CallDirection.Internal,
                CallerNumber = supervisorLine,
                CalleeNumber = call.Line,
                IsListening = true,
                SupervisionMode = mode,
                Supervises = listened.Key,
            });
            var listening = new SimCall(id, listened.Call.ConversationId, NextSequence(), supervisor)
            {
                Listened = listened,
                IsConnected = true,
            };
            supervisor.Call = listening;
            _calls.Add(id, listening);
            Emit(supervisor.ToAppeared(forResync: false));
            Emit(new CallAnswered(supervisor.Key));
        }, cancellationToken);
    }
}
