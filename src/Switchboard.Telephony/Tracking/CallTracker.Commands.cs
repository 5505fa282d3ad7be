using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

// The checks a command passes before it reaches the PBX: the call exists and allows the operation now.
public sealed partial class CallTracker
{
    /// <summary>Finds the call and checks that <paramref name="operation"/> is allowed on it now.</summary>
    public CommandCheck CheckCall(Guid callId, CallOperations operation)
    {
        lock (_gate)
        {
            if (!_keysById.TryGetValue(callId, out var key))
            {
                return CommandCheck.Refused("call_not_found", $"There is no active call {callId}.");
            }

            var call = _active[key];
            if (call.Operations.HasFlag(operation))
            {
                return CommandCheck.Allowed(call);
            }

            // An operation this line's phone never offers is not a matter of the call's state: say so.
            return _capabilities.OperationsFor(call.Line).HasFlag(operation)
                ? CommandCheck.Refused(
                    "operation_not_allowed",
                    $"The call cannot {Describe(operation)} while it is {call.State.ToString().ToLowerInvariant()}.")
                : CommandCheck.Refused("operation_not_supported", NeverOffered(operation, call.Line));
        }
    }

    /// <summary>Checks that the line may place a new call now.</summary>
    public CommandCheck CheckLine(string line, CallOperations operation)
    {
        lock (_gate)
        {
            return Line(line).AnnouncedOperations.HasFlag(operation)
                ? CommandCheck.Allowed(null)
                : CommandCheck.Refused("operation_not_allowed", $"Line {line} cannot {Describe(operation)} now.");
        }
    }

    /// <summary>The held call and the consultation made from it, whichever of the two is named.</summary>
    public (Call Held, Call Consultation)? FindConsultationPair(Guid callId)
    {
        lock (_gate)
        {
            if (!_keysById.TryGetValue(callId, out var key))
            {
                return null;
            }

            var call = _active[key];
            if (call.ParentCallId is { } parentId && _keysById.TryGetValue(parentId, out var parentKey))
            {
                return (_active[parentKey], call);
            }

            var consultation = _active.Values.FirstOrDefault(c => c.ParentCallId == call.Id);
            return consultation is null ? null : (call, consultation);
        }
    }

    private static string NeverOffered(CallOperations operation, string line) => operation == CallOperations.Answer
        ? $"The phone on line {line} cannot be answered from the panel: answer it on the phone."
        : $"The phone system does not let line {line} {Describe(operation)} from the panel.";

    private static string Describe(CallOperations operation) => operation switch
    {
        CallOperations.Dial => "dial",
        CallOperations.Answer => "be answered",
        CallOperations.Drop => "be dropped",
        CallOperations.Hold => "be held",
        CallOperations.Unhold => "be taken off hold",
        CallOperations.BlindTransfer => "be transferred",
        CallOperations.MakeConsultCall or CallOperations.SetupTransfer => "start a consultation",
        CallOperations.CompleteTransfer => "complete a transfer",
        CallOperations.CancelTransfer => "cancel a transfer",
        CallOperations.Dtmf => "send DTMF",
        CallOperations.Mute => "be muted",
        CallOperations.Video => "use video",
        CallOperations.Conference => "be merged into a conference",
        _ => operation.ToString(),
    };
}

/// <summary>The outcome of checking a command against the tracker's state.</summary>
public sealed record CommandCheck(bool IsAllowed, Call? Call, string? ErrorCode, string? Error)
{
    public static CommandCheck Allowed(Call? call) => new(true, call, null, null);

    public static CommandCheck Refused(string code, string error) => new(false, null, code, error);
}
