using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Telephony.Tracking;

/// <summary>
/// Ends a call that was cut off from the tracker: it was in progress when the server stopped, and
/// after the restart the PBX no longer has it. Nobody saw how or when it ended, so it ends as a call
/// that went while the PBX link was down does (an unknown side hanging up normally), at the last
/// moment it was known to be alive: no talk time is invented for the time the server was away.
/// </summary>
public static class CutOffCalls
{
    public static Call End(Call call, DateTimeOffset lastKnownAlive)
    {
        ArgumentNullException.ThrowIfNull(call);
        var endedAt = new[] { lastKnownAlive, call.StartedAt, call.AnsweredAt ?? call.StartedAt }.Max();
        return call with
        {
            State = CallState.Finished,
            EndedAt = endedAt,
            CompletedHoldTime = call.HoldTimeAt(endedAt),
            HeldSince = null,
            EndReason = EndReasonRules.Decide(call, HangupCause.Normal, HangupSide.Unknown),
            Recording = false,
            Operations = CallOperations.None,
        };
    }
}
