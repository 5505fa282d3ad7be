using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// The events a consumer wants made into messages; every other event is skipped by the connection without
/// allocating. Responses, and events that carry the ActionID of a pending action, pass whatever the filter.
/// Names compare case-insensitively; an event name nobody listed (an unknown event) is simply not wanted.
/// </summary>
public sealed class AmiEventFilter
{
    private const int BucketCount = 64;

    private readonly HashSet<string>? _names;

    // The names as ASCII bytes, spread over buckets by length and first and last letter: a lookup is one
    // or two byte comparisons, with no hashing of the whole name and no allocation.
    private readonly byte[][]?[] _buckets = new byte[][]?[BucketCount];

    public AmiEventFilter(IEnumerable<string> eventNames)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        _names = new HashSet<string>(eventNames, StringComparer.OrdinalIgnoreCase);
        foreach (var name in _names)
        {
            if (name.Length == 0 || !Ascii.IsValid(name))
            {
                continue;
            }

            var bytes = Encoding.ASCII.GetBytes(name);
            ref var bucket = ref _buckets[Bucket(bytes)];
            bucket = [.. bucket ?? [], bytes];
        }
    }

    private AmiEventFilter()
    {
    }

    /// <summary>Every event passes.</summary>
    public static AmiEventFilter All { get; } = new();

    /// <summary>The names that pass; null when every event does.</summary>
    public IReadOnlyCollection<string>? EventNames => _names;

    /// <summary>Whether the event named by these bytes (the value of its <c>Event</c> key) is wanted; no allocation.</summary>
    public bool Matches(ReadOnlySpan<byte> eventName)
    {
        if (_names is null)
        {
            return true;
        }

        if (eventName.IsEmpty)
        {
            return false;
        }

        var bucket = _buckets[Bucket(eventName)];
        if (bucket is null)
        {
            return false;
        }

        foreach (var candidate in bucket)
        {
            if (candidate.Length == eventName.Length && Ascii.EqualsIgnoreCase(candidate, eventName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the event with this name is wanted.</summary>
    public bool Matches(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return _names is null || _names.Contains(eventName);
    }

    private static int Bucket(ReadOnlySpan<byte> name) =>
        ((name.Length * 7) + ((name[0] | 0x20) * 3) + (name[^1] | 0x20)) & (BucketCount - 1);
}
