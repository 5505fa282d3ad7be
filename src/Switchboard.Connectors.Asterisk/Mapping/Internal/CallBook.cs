using Switchboard.Telephony.Calls;

namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>
/// The active line calls, found by key, by the channel they run on, by the far party and by line; and the
/// keys a conversation has used, so that a line's second call in one conversation gets a key of its own.
/// </summary>
internal sealed class CallBook
{
    private readonly Dictionary<CallKey, LineCall> _active = [];
    private readonly Dictionary<string, List<LineCall>> _byChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LineCall>> _byFar = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<CallKey>> _usedKeys = new(StringComparer.Ordinal);

    public IEnumerable<LineCall> Active => _active.Values;

    public int Count => _active.Count;

    /// <summary>Conversations whose used keys are remembered.</summary>
    public int Conversations => _usedKeys.Count;

    public LineCall? Find(CallKey key) => _active.GetValueOrDefault(key);

    /// <summary>The first of the candidate keys not used yet in this conversation.</summary>
    public CallKey? FreeKey(string conversationId, string line, params ReadOnlySpan<string?> pbxCallIds)
    {
        var used = _usedKeys.GetValueOrDefault(conversationId);
        foreach (var pbxCallId in pbxCallIds)
        {
            if (string.IsNullOrEmpty(pbxCallId))
            {
                continue;
            }

            var key = new CallKey(pbxCallId, line);
            if (!_active.ContainsKey(key) && (used is null || !used.Contains(key)))
            {
                return key;
            }
        }

        return null;
    }

    public void Add(LineCall call)
    {
        _active.Add(call.Key, call);
        if (!_usedKeys.TryGetValue(call.ConversationId, out var used))
        {
            used = [];
            _usedKeys.Add(call.ConversationId, used);
        }

        used.Add(call.Key);
        Index(_byChannel, call.LineUid, call);
        Index(_byChannel, call.OriginUid, call);
        Index(_byFar, call.FarUid, call);
    }

    /// <summary>The call runs on another channel of its line now (or, with null, on none while it is parked).</summary>
    public void SetLineChannel(LineCall call, string? uniqueid)
    {
        Unindex(_byChannel, call.LineUid, call);
        Unindex(_byChannel, call.OriginUid, call);
        call.LineUid = uniqueid;
        if (call.OriginIsLine && uniqueid is not null)
        {
            call.OriginUid = uniqueid;
        }

        Index(_byChannel, call.LineUid, call);
        Index(_byChannel, call.OriginUid, call);
    }

    public void SetFar(LineCall call, string? uniqueid)
    {
        if (string.Equals(call.FarUid, uniqueid, StringComparison.Ordinal))
        {
            return;
        }

        Unindex(_byFar, call.FarUid, call);
        call.FarUid = uniqueid;
        call.FarGoneSeq = null;
        Index(_byFar, uniqueid, call);
    }

    /// <summary>The calls that run on this channel (as the line's channel or as the call's origin).</summary>
    public IReadOnlyList<LineCall> On(string uniqueid) =>
        _byChannel.TryGetValue(uniqueid, out var calls) ? [.. calls] : [];

    public IReadOnlyList<LineCall> Facing(string uniqueid) =>
        _byFar.TryGetValue(uniqueid, out var calls) ? [.. calls] : [];

    public bool HasCallsOn(string uniqueid) => _byChannel.TryGetValue(uniqueid, out var calls) && calls.Count > 0;

    public IEnumerable<LineCall> OnLine(string line) =>
        _active.Values.Where(c => string.Equals(c.Line, line, StringComparison.Ordinal));

    public void Finish(LineCall call)
    {
        call.Ended = true;
        _active.Remove(call.Key);
        Unindex(_byChannel, call.LineUid, call);
        Unindex(_byChannel, call.OriginUid, call);
        Unindex(_byFar, call.FarUid, call);
    }

    /// <summary>The conversation is over: its keys may be forgotten.</summary>
    public void ForgetConversation(string conversationId)
    {
        if (_usedKeys.TryGetValue(conversationId, out var used) && used.All(k => !_active.ContainsKey(k)))
        {
            _usedKeys.Remove(conversationId);
        }
    }

    public void Clear()
    {
        _active.Clear();
        _byChannel.Clear();
        _byFar.Clear();
        _usedKeys.Clear();
    }

    private static void Index(Dictionary<string, List<LineCall>> index, string? uniqueid, LineCall call)
    {
        if (uniqueid is null)
        {
            return;
        }

        if (!index.TryGetValue(uniqueid, out var calls))
        {
            calls = [];
            index.Add(uniqueid, calls);
        }

        if (!calls.Contains(call))
        {
            calls.Add(call);
        }
    }

    private static void Unindex(Dictionary<string, List<LineCall>> index, string? uniqueid, LineCall call)
    {
        if (uniqueid is not null && index.TryGetValue(uniqueid, out var calls))
        {
            calls.Remove(call);
            if (calls.Count == 0)
            {
                index.Remove(uniqueid);
            }
        }
    }
}
