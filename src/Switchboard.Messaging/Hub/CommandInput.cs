using System.Text.RegularExpressions;

namespace Switchboard.Messaging.Hub;

/// <summary>Checks of the values a client sends, each refusing with a message that says what is wrong.</summary>
internal static partial class CommandInput
{
    public static T Required<T>(T? argument, string command, string shape)
        where T : class =>
        argument ?? throw new CommandRefusedException("bad_request", $"{command} needs an argument {shape}.");

    public static Guid CallId(Guid callId) =>
        callId == Guid.Empty ? throw new CommandRefusedException("bad_request", "callId is missing.") : callId;

    /// <summary>A number as a person types it: digits with an optional leading +, spaces and punctuation dropped.</summary>
    public static string Number(string? number, string field)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new CommandRefusedException("invalid_number", $"{field} is missing.");
        }

        var compact = Separators().Replace(number.Trim(), string.Empty);
        return DialString().IsMatch(compact)
            ? compact
            : throw new CommandRefusedException("invalid_number", $"{field} '{Shorten(number)}' is not a phone number or extension.");
    }

    public static string Digits(string? digits) =>
        digits is not null && DtmfDigits().IsMatch(digits)
            ? digits.ToUpperInvariant()
            : throw new CommandRefusedException(
                "invalid_digits",
                "DTMF digits must be 1 to 32 of 0-9, *, # and A-D.");

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9*#]{1,32}$")]
    private static partial Regex DialString();

    [GeneratedRegex("^[0-9*#A-Da-d]{1,32}$")]
    private static partial Regex DtmfDigits();
}
