using System.Buffers;

namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>What the simulator accepts as a number to dial and as DTMF digits.</summary>
internal static class DialRules
{
    public const string DtmfDigits = "0123456789*#ABCD";

    private const int MaxDigits = 20;

    private static readonly SearchValues<char> DtmfDigitValues = SearchValues.Create(DtmfDigits);

    /// <summary>Digits with an optional leading <c>+</c>: extensions, queues and outside numbers alike.</summary>
    public static bool IsDiallable(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return false;
        }

        var digits = number.StartsWith('+') ? number.AsSpan(1) : number.AsSpan();
        return digits.Length is > 0 and <= MaxDigits && !digits.ContainsAnyExceptInRange('0', '9');
    }

    public static string? FindInvalidDtmf(string digits)
    {
        var index = digits.AsSpan().IndexOfAnyExcept(DtmfDigitValues);
        return index < 0 ? null : digits[index].ToString();
    }
}
