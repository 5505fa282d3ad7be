using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>What kind of frame an AMI message is. Classified before it touches the table of pending actions.</summary>
public enum AmiMessageKind
{
    /// <summary>Has an <c>Event:</c> key. Note: <c>OriginateResponse</c> events also carry <c>Response:</c> and <c>ActionID:</c>.</summary>
    Event,

    /// <summary>Has a <c>Response:</c> key and no <c>Event:</c> key: the answer to an action.</summary>
    Response,

    /// <summary>Neither: not a frame Asterisk documents; logged and skipped.</summary>
    Unknown,
}

/// <summary>
/// One AMI frame made into an object: its <c>Key: Value</c> pairs in order, repeated keys kept
/// (a <c>Command</c> response repeats <c>Output:</c>). Keys compare case-insensitively, as Asterisk's do.
/// The reader makes one only for frames someone needs.
/// </summary>
public sealed class AmiMessage
{
    private readonly KeyValuePair<string, string>[] _fields;

    public AmiMessage(IReadOnlyList<KeyValuePair<string, string>> fields)
        : this(Copy(fields))
    {
    }

    /// <summary>Takes <paramref name="fields"/> as it is: the reader hands over an array nobody else holds.</summary>
    internal AmiMessage(KeyValuePair<string, string>[] fields)
    {
        _fields = fields;

        // One pass for the three keys that classify a frame; the first of each wins, as with the indexer.
        foreach (var (key, value) in fields)
        {
            switch (key.Length)
            {
                case 5 when EventName is null && string.Equals(key, "Event", StringComparison.OrdinalIgnoreCase):
                    EventName = value;
                    break;
                case 8 when Response is null && string.Equals(key, "Response", StringComparison.OrdinalIgnoreCase):
                    Response = value;
                    break;
                case 8 when ActionId is null && string.Equals(key, "ActionID", StringComparison.OrdinalIgnoreCase):
                    ActionId = value;
                    break;
            }
        }

        Kind = EventName is not null ? AmiMessageKind.Event
            : Response is not null ? AmiMessageKind.Response
            : AmiMessageKind.Unknown;
    }

    public AmiMessageKind Kind { get; }

    public string? EventName { get; }

    public string? Response { get; }

    public string? ActionId { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    private static KeyValuePair<string, string>[] Copy(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return [.. fields];
    }

    /// <summary>The first value of <paramref name="key"/>, or null when the frame has no such key.</summary>
    public string? this[string key]
    {
        get
        {
            foreach (var field in _fields)
            {
                if (string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Every value of <paramref name="key"/>, in order (for repeated keys such as <c>Output</c>).</summary>
    public IReadOnlyList<string> GetAll(string key) =>
        [.. _fields.Where(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value)];

    /// <summary>Parses one frame written as text (<c>Key: Value</c> lines); for tests and tools, not the hot path.</summary>
    public static AmiMessage Parse(string frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in frame.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var value = text[(colon + 1)..];
                fields.Add(new(text[..colon], value.StartsWith(' ') ? value[1..] : value));
            }
        }

        return new AmiMessage(fields);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _fields)
        {
            text.Append(key).Append(": ").Append(value).Append("\r\n");
        }

        return text.ToString();
    }
}
