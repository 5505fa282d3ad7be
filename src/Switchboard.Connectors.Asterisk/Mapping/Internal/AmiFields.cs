using System.Globalization;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>Reading the values of an event, with its prefixed channel blocks (<c>Dest…</c>, <c>Spyee…</c>, <c>Parkee…</c>).</summary>
internal static class AmiFields
{
    public const string Unknown = "<unknown>";

    public static string? Get(AmiMessage message, string prefix, string key) =>
        prefix.Length == 0 ? message[key] : message[prefix + key];

    public static int GetInt(AmiMessage message, string prefix, string key) =>
        int.TryParse(Get(message, prefix, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;

    /// <summary>A caller ID number or name, with Asterisk's <c>&lt;unknown&gt;</c> as empty.</summary>
    public static string Clean(string? value) =>
        value is null || string.Equals(value, Unknown, StringComparison.Ordinal) ? "" : value.Trim();

    public static string? CleanName(string? name, string number)
    {
        var clean = Clean(name);
        return clean.Length == 0 || string.Equals(clean, number, StringComparison.Ordinal) ? null : clean;
    }

    /// <summary>The number in a Dial string: <c>carrier/84951112233</c>, <c>PJSIP/84951112233@carrier</c>, <c>101</c>.</summary>
    public static string NumberFromDialString(string? dialString)
    {
        if (string.IsNullOrEmpty(dialString))
        {
            return "";
        }

        var text = dialString;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            text = text[(slash + 1)..];
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }

        return text;
    }

    public static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
