using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Switchboard.Crm.Contacts;

/// <summary>
/// Turns a number as typed, dialled or sent by the PBX into E.164, or into nothing when it is not
/// a valid phone number (an extension, "anonymous", garbage). Never throws on odd input.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    // Longer input is not a phone number; refusing it early bounds the parser's work.
    private const int MaxInputLength = 64;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private readonly string _region;
    private readonly string _outsideLinePrefix;

    public PhoneNumberNormalizer(IOptions<CrmOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = options.Value.DefaultRegion.Trim().ToUpperInvariant();
        if (!Util.GetSupportedRegions().Contains(region))
        {
            throw new ArgumentException($"Crm:DefaultRegion '{region}' is not a region that phone numbers know.", nameof(options));
        }

        _region = region;
        _outsideLinePrefix = options.Value.OutsideLinePrefix.Trim();
    }

    public NormalizedPhoneNumber? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxInputLength)
        {
            return null;
        }

        var text = raw.Trim();
        if (!text.All(IsDialable))
        {
            return null;
        }

        if (Parse(text) is { } number)
        {
            return number;
        }

        // "+..." is already international; only dialled digits can carry a prefix.
        return text.StartsWith('+') ? null : ParseDialled(new string(text.Where(char.IsAsciiDigit).ToArray()));
    }

    private NormalizedPhoneNumber? ParseDialled(string digits)
    {
        if (ParseInternationalWithZeros(digits) is { } international)
        {
            return international;
        }

        if (_outsideLinePrefix.Length == 0
            || digits.Length <= _outsideLinePrefix.Length
            || !digits.StartsWith(_outsideLinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = digits[_outsideLinePrefix.Length..];
        return Parse(rest) ?? ParseInternationalWithZeros(rest);
    }

    // "00" is the international prefix in most of the world, but not in every region's metadata
    // (Russia's is 810), and desk phones are often set up with it anyway.
    private static NormalizedPhoneNumber? ParseInternationalWithZeros(string digits) =>
        digits.StartsWith("00", StringComparison.Ordinal) && digits.Length > 2 ? ParseStatic("+" + digits[2..], "ZZ") : null;

    private NormalizedPhoneNumber? Parse(string text) => ParseStatic(text, _region);

    private static NormalizedPhoneNumber? ParseStatic(string text, string region)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(text, region);
        }
        catch (NumberParseException)
        {
            // Not a number at all: the caller treats it like any other invalid one.
            return null;
        }

        return Util.IsValidNumber(number)
            ? new NormalizedPhoneNumber(Util.Format(number, PhoneNumberFormat.E164), Util.GetNationalSignificantNumber(number))
            : null;
    }

    /// <summary>
    /// The national significant number of a stored E.164 number, whether or not the numbering plan
    /// still calls it valid; null when it cannot be read at all.
    /// </summary>
    public static string? NationalNumberOf(string e164)
    {
        if (string.IsNullOrEmpty(e164) || e164.Length > MaxInputLength || e164[0] != '+')
        {
            return null;
        }

        try
        {
            return Util.GetNationalSignificantNumber(Util.Parse(e164, "ZZ"));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsDialable(char c) =>
        char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || c is '+' or '-' or '(' or ')' or '.' or '/';
}
