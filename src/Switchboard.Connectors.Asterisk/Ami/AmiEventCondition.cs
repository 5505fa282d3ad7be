using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// Narrows one event of an <see cref="AmiEventFilter"/> by the value of one of its keys: <c>VarSet</c> only when
/// its <c>Variable</c> is <c>ATTENDEDTRANSFER</c> or <c>TRANSFERERNAME</c>. The key and the values are ASCII and
/// compare case-insensitively, as bytes: the frame reader decides while it scans, without allocating. A frame
/// without the key does not pass.
/// </summary>
public sealed class AmiEventCondition
{
    private readonly byte[][] _values;

    /// <exception cref="ArgumentException">A name, the key or a value is empty or not ASCII, or there is no value.</exception>
    public AmiEventCondition(string eventName, string key, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        EventName = RequireAscii(eventName, nameof(eventName));
        Key = RequireAscii(key, nameof(key));
        var distinct = new List<string>();
        foreach (var value in values)
        {
            RequireAscii(value, nameof(values));
            if (!distinct.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                distinct.Add(value);
            }
        }

        if (distinct.Count == 0)
        {
            throw new ArgumentException($"A condition on {EventName}'s {Key} needs at least one value.", nameof(values));
        }

        Values = distinct;
        KeyBytes = Encoding.ASCII.GetBytes(Key);
        _values = [.. distinct.Select(Encoding.ASCII.GetBytes)];
    }

    /// <summary>The event this condition narrows.</summary>
    public string EventName { get; }

    /// <summary>The key whose (first) value decides.</summary>
    public string Key { get; }

    /// <summary>The values that let the event through.</summary>
    public IReadOnlyCollection<string> Values { get; }

    internal byte[] KeyBytes { get; }

    /// <summary>Whether <paramref name="value"/> (the key's value as received) is one of <see cref="Values"/>; no allocation.</summary>
    public bool Accepts(ReadOnlySpan<byte> value)
    {
        // A handful of values: compare lengths first, then bytes.
        foreach (var candidate in _values)
        {
            if (candidate.Length == value.Length && Ascii.EqualsIgnoreCase(candidate, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/> is one of <see cref="Values"/> (null: the key is absent, which does not pass).</summary>
    public bool Accepts(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var candidate in Values)
        {
            if (candidate.Length == value.Length && Ascii.EqualsIgnoreCase(candidate, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same event and key with the values of both.</summary>
    internal AmiEventCondition Union(AmiEventCondition other) => new(EventName, Key, [.. Values, .. other.Values]);

    public override string ToString() => $"{EventName} when {Key} is {string.Join('|', Values)}";

    private static string RequireAscii(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text, parameter);
        if (text.Length == 0 || !Ascii.IsValid(text))
        {
            throw new ArgumentException($"'{text}' is not a non-empty ASCII string; AMI conditions compare ASCII bytes.", parameter);
        }

        return text;
    }
}
