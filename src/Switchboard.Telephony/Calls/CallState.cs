namespace Switchboard.Telephony.Calls;

/// <summary>The life of a call on one line (design.md: alerting, connected, held, busy, finished).</summary>
public enum CallState
{
    Alerting,
    Connected,
    Held,
    Busy,
    Finished,
}
