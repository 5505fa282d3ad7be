namespace Switchboard.Telephony.Calls;

/// <summary>
/// Identifies one call on one line for its whole life: the PBX call id together with the line.
/// It is also the idempotency key of the call's row in the log.
/// </summary>
public readonly record struct CallKey(string PbxCallId, string Line)
{
    public override string ToString() => $"{PbxCallId}@{Line}";
}
