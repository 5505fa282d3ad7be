using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>
/// The actions waiting for an answer, keyed by the number in their ActionID (<c>&lt;prefix&gt;&lt;n&gt;</c>, n from
/// <see cref="Interlocked.Increment(ref long)"/>). A frame's ActionID bytes are matched without allocating.
/// </summary>
internal sealed class PendingActionTable
{
    private readonly ConcurrentDictionary<long, PendingAction> _entries = new();
    private readonly byte[] _prefixBytes;
    private long _lastId;

    public PendingActionTable(string? prefix = null)
    {
        Prefix = prefix ?? $"sb{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}-";
        _prefixBytes = Encoding.UTF8.GetBytes(Prefix);
    }

    public string Prefix { get; }

    public int Count => _entries.Count;

    public PendingAction Add(string actionName, AmiSession session, bool isList)
    {
        var id = Interlocked.Increment(ref _lastId);
        var entry = new PendingAction(id, Prefix + id.ToString(CultureInfo.InvariantCulture), actionName, session, isList);
        _entries[id] = entry;
        return entry;
    }

    public bool TryGet(ReadOnlySpan<byte> actionId, [NotNullWhen(true)] out PendingAction? entry)
    {
        entry = null;
        return actionId.StartsWith(_prefixBytes)
            && Utf8Parser.TryParse(actionId[_prefixBytes.Length..], out long id, out var consumed)
            && consumed == actionId.Length - _prefixBytes.Length
            && _entries.TryGetValue(id, out entry);
    }

    public void Remove(PendingAction entry) => _entries.TryRemove(new KeyValuePair<long, PendingAction>(entry.Id, entry));

    /// <summary>Fails every action sent on <paramref name="session"/>; returns how many.</summary>
    public int FailAll(AmiSession session, Exception error)
    {
        var failed = 0;
        foreach (var entry in _entries.Values)
        {
            if (entry.Session == session)
            {
                Remove(entry);
                entry.Fail(error);
                failed++;
            }
        }

        return failed;
    }
}
