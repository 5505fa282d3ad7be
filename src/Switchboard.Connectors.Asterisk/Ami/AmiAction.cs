using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// One AMI action: its name and its <c>Key: Value</c> fields in order (keys may repeat, as Originate's
/// <c>Variable</c>). The connection adds the <c>ActionID</c>; it is written as
/// <c>Action: Name\r\nActionID: Id\r\nKey: Value\r\n...\r\n</c>. A CR or LF in a name, key or value is
/// refused, so no value can smuggle a second header or a second action onto the wire.
/// </summary>
public sealed class AmiAction
{
    private static readonly string[] SecretKeys = ["Secret", "Key"];

    private readonly List<KeyValuePair<string, string>> _fields = [];

    public AmiAction(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RefuseLineBreaks(name, nameof(name));
        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("An AMI action name cannot contain a colon.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field at the end; returns this action so that fields can be chained.</summary>
    /// <exception cref="ArgumentException">The key is empty, has a colon or a line break, or is <c>Action</c> or
    /// <c>ActionID</c> (the connection writes those); or the value has a line break.</exception>
    public AmiAction Add(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        RefuseLineBreaks(key, nameof(key));
        RefuseLineBreaks(value, nameof(value));
        if (key.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("An AMI key cannot contain a colon.", nameof(key));
        }

        if (string.Equals(key, "Action", StringComparison.OrdinalIgnoreCase)
            || string.Equals(key, "ActionID", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The connection writes {key} itself.", nameof(key));
        }

        _fields.Add(new(key, value));
        return this;
    }

    /// <summary>The action as it goes on the wire, with this ActionID.</summary>
    public byte[] Serialize(string actionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        RefuseLineBreaks(actionId, nameof(actionId));
        return Encoding.UTF8.GetBytes(Write(actionId, maskSecrets: false));
    }

    /// <summary>The action as text, with <c>Secret</c> and <c>Key</c> values masked: safe to log.</summary>
    public override string ToString() => Write(actionId: null, maskSecrets: true);

    private string Write(string? actionId, bool maskSecrets)
    {
        var text = new StringBuilder(64 + (_fields.Count * 24));
        text.Append("Action: ").Append(Name).Append("\r\n");
        if (actionId is not null)
        {
            text.Append("ActionID: ").Append(actionId).Append("\r\n");
        }

        foreach (var (key, value) in _fields)
        {
            var masked = maskSecrets && SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase);
            text.Append(key).Append(": ").Append(masked ? "***" : value).Append("\r\n");
        }

        return text.Append("\r\n").ToString();
    }

    private static void RefuseLineBreaks(string text, string parameter)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("AMI names, keys and values cannot contain CR or LF (header injection).", parameter);
        }
    }
}
