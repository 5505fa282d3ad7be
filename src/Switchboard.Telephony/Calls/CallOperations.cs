namespace Switchboard.Telephony.Calls;

/// <summary>
/// What may be done now, on a line or on one call. The names keep the meaning of the
/// client contract's flags; the server refuses a command whose flag is not set.
/// </summary>
[Flags]
public enum CallOperations
{
    None = 0,
    Dial = 1 << 0,
    Answer = 1 << 1,
    Drop = 1 << 2,
    Hold = 1 << 3,
    Unhold = 1 << 4,
    SetupTransfer = 1 << 5,
    CompleteTransfer = 1 << 6,
    CancelTransfer = 1 << 7,
    BlindTransfer = 1 << 8,
    MakeConsultCall = 1 << 9,
    Dtmf = 1 << 10,
    Mute = 1 << 11,
    Video = 1 << 12,

    /// <summary>Merge a consultation and the call it was made from into one conference of the three parties.</summary>
    Conference = 1 << 13,
}
