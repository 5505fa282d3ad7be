using System.Globalization;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>Asterisk's hangup causes (Q.850 codes in <c>Hangup</c>) and Dial statuses (<c>DialEnd</c>) as the domain's <see cref="HangupCause"/>.</summary>
internal static class HangupCauses
{
    public const int Busy = 17;
    public const int CallRejected = 21;
    public const int AnsweredElsewhere = 26;

    public static int ParseCode(string? cause) =>
        int.TryParse(cause, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 0;

    // 16 normal clearing, 31 normal unspecified and 0 unknown say nothing about why; everything
    // that is not busy, no answer or rejected (unallocated number, congestion, out of order...) failed.
    public static HangupCause FromCode(int code) => code switch
    {
        0 or 16 or 31 => HangupCause.Normal,
        Busy => HangupCause.Busy,
        18 or 19 or AnsweredElsewhere => HangupCause.NoAnswer,
        CallRejected => HangupCause.Rejected,
        _ => HangupCause.Failed,
    };

    /// <summary>A code that tells more than the Dial status does: the phone said busy or declined.</summary>
    public static bool IsSpecific(int code) => code is Busy or CallRejected;

    /// <summary>How the called side ended a Dial, or null for ANSWER, CANCEL and statuses that tell nothing.</summary>
    public static HangupCause? FromDialStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "BUSY" => HangupCause.Busy,
        "NOANSWER" => HangupCause.NoAnswer,
        "CONGESTION" or "CHANUNAVAIL" or "DONTCALL" or "TORTURE" or "INVALIDARGS" => HangupCause.Failed,
        _ => null,
    };

    public static bool IsAnswer(string? status) => string.Equals(status, "ANSWER", StringComparison.OrdinalIgnoreCase);

    public static bool IsCancel(string? status) => string.Equals(status, "CANCEL", StringComparison.OrdinalIgnoreCase);
}
