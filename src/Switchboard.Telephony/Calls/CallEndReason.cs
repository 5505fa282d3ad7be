namespace Switchboard.Telephony.Calls;

/// <summary>Why a call ended, as the call log reports it.</summary>
public enum CallEndReason
{
    Completed,
    Missed,
    Busy,
    Abandoned,
    Rejected,
    Failed,
    Transferred,
}
