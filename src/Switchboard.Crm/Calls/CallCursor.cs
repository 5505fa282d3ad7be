using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Where a page of the log ends: the order it was read in, the last row's sort key (its start in
/// UTC ticks, or its duration in seconds) and its id. Clients treat it as an opaque string; the
/// next page starts strictly after it, so rows added meanwhile never shift the pages.
/// </summary>
public readonly record struct CallCursor(CallOrder Order, long Key, Guid Id)
{
    private const int MaxLength = 128;

    public static CallCursor After(CallOrder order, CallLogEntry last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new(order, order.IsByDuration() ? last.DurationSeconds : last.StartedAt.UtcTicks, last.Id);
    }

    /// <summary>The start of the last row, for the orders by start.</summary>
    public DateTimeOffset StartedAt => new(Key, TimeSpan.Zero);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{(int)Order}.{Key}.{Id:N}")));

    public static bool TryDecode(string? text, out CallCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
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
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var orderNumber)
            || !Enum.IsDefined((CallOrder)orderNumber)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return false;
        }

        var order = (CallOrder)orderNumber;
        var fits = order.IsByDuration()
            ? key <= int.MaxValue
            : key >= DateTimeOffset.MinValue.UtcTicks && key <= DateTimeOffset.MaxValue.UtcTicks;
        if (!fits)
        {
            return false;
        }

        cursor = new CallCursor(order, key, id);
        return true;
    }
}
