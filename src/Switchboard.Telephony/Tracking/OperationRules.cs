using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

/// <summary>Which operations a call or a line allows in its present state, before the PBX's capabilities are applied.</summary>
internal static class OperationRules
{
    private const CallOperations TalkingOperations =
        CallOperations.Drop | CallOperations.Hold | CallOperations.BlindTransfer
        | CallOperations.MakeConsultCall | CallOperations.SetupTransfer | CallOperations.Dtmf | CallOperations.Mute;

    /// <param name="call">The call.</param>
    /// <param name="consultation">The active consultation made from this call, if any.</param>
    /// <param name="isConsultation">The call is itself a consultation whose parent is still held.</param>
    public static CallOperations ForCall(Call call, Call? consultation, bool isConsultation)
    {
        if (call.IsListening)
        {
            return call.State == CallState.Finished ? CallOperations.None : CallOperations.Drop;
        }

        return call.State switch
        {
            CallState.Alerting when isConsultation => CallOperations.Drop | CallOperations.CancelTransfer,
            CallState.Alerting when call.IsPlacedByLine => CallOperations.Drop,
            CallState.Alerting => CallOperations.Answer | CallOperations.Drop,
            CallState.Connected when isConsultation =>
                CallOperations.Drop | CallOperations.CompleteTransfer | CallOperations.CancelTransfer
                | CallOperations.Conference | CallOperations.Dtmf | CallOperations.Mute,
            CallState.Connected => TalkingOperations,
            CallState.Held when consultation is { State: CallState.Connected } =>
                CallOperations.Drop | CallOperations.CompleteTransfer | CallOperations.CancelTransfer | CallOperations.Conference,
            CallState.Held when consultation is not null => CallOperations.Drop | CallOperations.CancelTransfer,
            CallState.Held => CallOperations.Drop | CallOperations.Unhold,
            CallState.Busy => CallOperations.Drop,
            _ => CallOperations.None,
        };
    }

    /// <summary>A new call may be dialled while nothing on the line rings or talks.</summary>
    public static CallOperations ForLine(IEnumerable<Call> activeCallsOnLine) =>
        activeCallsOnLine.Any(c => c.State is CallState.Alerting or CallState.Connected or CallState.Busy)
            ? CallOperations.None
            : CallOperations.Dial;
}
