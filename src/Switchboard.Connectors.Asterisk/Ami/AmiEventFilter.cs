using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// The events a consumer wants made into messages; every other event is skipped by the connection without
/// allocating. Responses, and events that carry the ActionID of a pending action, pass whatever the filter.
/// Names compare case-insensitively; an event name nobody listed (an unknown event) is simply not wanted.
/// An event can also be narrowed by the value of one key (<see cref="AmiEventCondition"/>: <c>VarSet</c> only for
/// some variables); <see cref="AmiFrameReader"/> reads that key while it scans a frame of that event, and only then.
/// </summary>
public sealed class AmiEventFilter
{
    private const int BucketCount = 64;

    private readonly HashSet<string>? _names;
    private readonly Dictionary<string, AmiEventCondition> _conditions = new(StringComparer.OrdinalIgnoreCase);

    // The names as ASCII bytes, spread over buckets by length and first and last letter: a lookup is one
    // or two byte comparisons, with no hashing of the whole name and no allocation.
    private readonly Entry[]?[] _buckets = new Entry[]?[BucketCount];

    public AmiEventFilter(IEnumerable<string> eventNames)
        : this(eventNames, [])
    {
    }

    /// <summary>
    /// The events named, and the events of <paramref name="conditions"/> when their condition holds. An event both
    /// named and in a condition passes only when the condition holds. Conditions on one event must use one key;
    /// their values add up.
    /// </summary>
    /// <exception cref="ArgumentException">Two conditions on one event use different keys.</exception>
    public AmiEventFilter(IEnumerable<string> eventNames, IEnumerable<AmiEventCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
            if (!_conditions.TryGetValue(condition.EventName, out var earlier))
            {
                _conditions[condition.EventName] = condition;
            }
            else if (string.Equals(earlier.Key, condition.Key, StringComparison.OrdinalIgnoreCase))
            {
                _conditions[condition.EventName] = earlier.Union(condition);
            }
            else
            {
                throw new ArgumentException(
                    $"{condition.EventName} has conditions on two keys ({earlier.Key}, {condition.Key}); one key per event.", nameof(conditions));
            }
        }

        _names = new HashSet<string>(eventNames, StringComparer.OrdinalIgnoreCase);
        _names.UnionWith(_conditions.Keys);
        foreach (var name in _names)
        {
            if (name.Length == 0 || !Ascii.IsValid(name))
            {
                continue;
            }

            var bytes = Encoding.ASCII.GetBytes(name);
            ref var bucket = ref _buckets[Bucket(bytes)];
            bucket = [.. bucket ?? [], new Entry(bytes, _conditions.GetValueOrDefault(name))];
        }
    }

    private AmiEventFilter()
    {
    }

    /// <summary>Every event passes.</summary>
    public static AmiEventFilter All { get; } = new();

    /// <summary>The names that pass (those with a condition among them); null when every event does.</summary>
    public IReadOnlyCollection<string>? EventNames => _names;

    /// <summary>The conditions that narrow some of <see cref="EventNames"/>; empty when there are none.</summary>
    public IReadOnlyCollection<AmiEventCondition> Conditions => _conditions.Values;

    /// <summary>
    /// Whether the event named by these bytes (the value of its <c>Event</c> key) is wanted by name; no allocation.
    /// An event with a condition matches here whatever its key holds: <see cref="AmiFrameReader.EventWanted"/>
    /// and <see cref="Matches(AmiMessage)"/> check the condition too.
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> eventName) => _names is null || Find(eventName) is not null;

    /// <summary>Whether the event with this name is wanted by name (see <see cref="Matches(ReadOnlySpan{byte})"/>).</summary>
    public bool Matches(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return _names is null || _names.Contains(eventName);
    }

    /// <summary>Whether this event passes: by name and, when its name has a condition, by the value of the condition's key.
    /// Responses and other frames that are not events are not this filter's business and pass.</summary>
    public bool Matches(AmiMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_names is null || message.Kind != AmiMessageKind.Event)
        {
            return true;
        }

        var name = message.EventName ?? "";
        return _names.Contains(name)
            && (!_conditions.TryGetValue(name, out var condition) || condition.Accepts(message[condition.Key]));
    }

    public override string ToString() =>
        _names is null
            ? "(all)"
            : string.Join(',', _names.Where(name => !_conditions.ContainsKey(name)).Order(StringComparer.OrdinalIgnoreCase)
                .Concat(_conditions.Values.Select(c => c.ToString())));

    /// <summary>Whether every event passes (nothing to look up).</summary>
    internal bool PassesAll => _names is null;

    /// <summary>
    /// Looks the event up by name: false when it is not wanted; otherwise its condition, or null when it has none.
    /// No allocation.
    /// </summary>
    internal bool TryFind(ReadOnlySpan<byte> eventName, out AmiEventCondition? condition)
    {
        var entry = Find(eventName);
        condition = entry?.Condition;
        return entry is not null;
    }

    private Entry? Find(ReadOnlySpan<byte> eventName)
    {
        if (eventName.IsEmpty)
        {
            return null;
        }

        var bucket = _buckets[Bucket(eventName)];
        if (bucket is null)
        {
            return null;
        }

        foreach (var candidate in bucket)
        {
            if (candidate.Name.Length == eventName.Length && Ascii.EqualsIgnoreCase(candidate.Name, eventName))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int Bucket(ReadOnlySpan<byte> name) =>
        ((name.Length * 7) + ((name[0] | 0x20) * 3) + (name[^1] | 0x20)) & (BucketCount - 1);

    private sealed record Entry(byte[] Name, AmiEventCondition? Condition);
}
