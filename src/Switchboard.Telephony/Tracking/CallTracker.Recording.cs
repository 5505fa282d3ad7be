using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

// Whether an agent may start or stop the recording of a call from the panel now.
public sealed partial class CallTracker
{
    public CommandCheck CheckRecording(Guid callId, bool start)
    {
        lock (_gate)
        {
            if (!_capabilities.CallRecording)
            {
                return CommandCheck.Refused(
                    "operation_not_supported",
                    "Recording calls from the panel is not allowed on this server (Telephony:RecordFromPanel), or this PBX cannot do it.");
            }

            if (!_keysById.TryGetValue(callId, out var key))
            {
                return CommandCheck.Refused("call_not_found", $"There is no active call {callId}.");
            }

            var call = _active[key];
            if (call.IsListening)
            {
                return CommandCheck.Refused("operation_not_allowed", "A supervisor's listening call is not recorded from the panel.");
            }

            if (start && call.Recording)
            {
                return CommandCheck.Refused("operation_not_allowed", "The call is being recorded already.");
            }

            if (!start && !call.Recording)
            {
                return CommandCheck.Refused("operation_not_allowed", "The call is not being recorded.");
            }

            return call.State is CallState.Connected or CallState.Held
                ? CommandCheck.Allowed(call)
                : CommandCheck.Refused("operation_not_allowed", $"Only a connected call can be recorded; this one is {call.State.ToString().ToLowerInvariant()}.");
        }
    }
}
