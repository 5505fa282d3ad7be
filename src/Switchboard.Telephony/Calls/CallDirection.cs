namespace Switchboard.Telephony.Calls;

/// <summary>Which way a call goes as its line sees it.</summary>
public enum CallDirection
{
    Incoming,
    Outgoing,
    Internal,
}
