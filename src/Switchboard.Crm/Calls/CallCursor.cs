using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Where a page of the log ends: the last row's (StartedAt, Id). Clients treat it as an opaque
/// string; the next page starts strictly after it, so rows added meanwhile never shift the pages.
/// </summary>
public readonly record struct CallCursor(DateTimeOffset StartedAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{StartedAt.UtcTicks}.{Id:N}")));

    public static bool TryDecode(string? text, out CallCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 128)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new CallCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
