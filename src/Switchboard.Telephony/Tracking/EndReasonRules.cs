using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Telephony.Tracking;

/// <summary>Turns how a call ended on the PBX into the end reason users see in the log.</summary>
internal static class EndReasonRules
{
    public static CallEndReason Decide(Call call, HangupCause cause, HangupSide side)
    {
        if (cause == HangupCause.Transferred)
        {
            return CallEndReason.Transferred;
        }

        if (call.AnsweredAt is not null)
        {
            return CallEndReason.Completed;
        }

        return cause switch
        {
            HangupCause.Busy => CallEndReason.Busy,
            HangupCause.NoAnswer => CallEndReason.Missed,
            HangupCause.Rejected => CallEndReason.Rejected,
            HangupCause.Failed => CallEndReason.Failed,
            _ => UnansweredHangup(call, side),
        };
    }

    // The side that placed the call giving up is an abandoned call; the called side hanging up is a rejection.
    private static CallEndReason UnansweredHangup(Call call, HangupSide side)
    {
        var callerHungUp = side switch
        {
            HangupSide.Local => call.IsPlacedByLine,
            HangupSide.Remote => !call.IsPlacedByLine,
            _ => true,
        };
        if (side == HangupSide.Unknown && !call.IsPlacedByLine)
        {
            return CallEndReason.Missed;
        }

        return callerHungUp ? CallEndReason.Abandoned : CallEndReason.Rejected;
    }
}
