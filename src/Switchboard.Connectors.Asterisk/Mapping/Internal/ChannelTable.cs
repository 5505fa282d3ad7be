namespace Switchboard.Connectors.Asterisk.Mapping.Internal;

/// <summary>
/// The live channels (by Uniqueid and by name), the bridges they are in, the Local pairs, and the way from a
/// channel to the real party on the other side of it through bridges, dials and Local pairs.
/// </summary>
internal sealed class ChannelTable
{
    private const int MaxHops = 8;

    private readonly Dictionary<string, AmiChannel> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmiChannel> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AmiBridge> _bridges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _localHalves = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _liveByLinkedid = new(StringComparer.Ordinal);

    public int Count => _byUid.Count;

    public IEnumerable<AmiChannel> All => _byUid.Values;

    public AmiChannel? Get(string? uniqueid) =>
        uniqueid is not null && _byUid.TryGetValue(uniqueid, out var channel) ? channel : null;

    public AmiChannel? ByName(string? name) =>
        name is not null && _byName.TryGetValue(name, out var channel) ? channel : null;

    public AmiBridge? Bridge(string? id) => id is not null && _bridges.TryGetValue(id, out var bridge) ? bridge : null;

    public AmiChannel Add(string uniqueid, string name, string linkedid, string? line)
    {
        var channel = new AmiChannel(uniqueid, name) { Linkedid = linkedid, Line = line, IsLocal = LineIdentifier.IsLocal(name) };
        _byUid[uniqueid] = channel;
        _byName[name] = channel;
        CountLive(linkedid, +1);
        if (channel.IsLocal)
        {
            PairLocal(channel);
        }

        return channel;
    }

    public void Rename(AmiChannel channel, string name)
    {
        if (_byName.TryGetValue(channel.Name, out var known) && ReferenceEquals(known, channel))
        {
            _byName.Remove(channel.Name);
        }

        channel.Name = name;
        _byName[name] = channel;
    }

    /// <summary>The channel joined another conversation; returns the one it left when no live channel has it any more.</summary>
    public string? SetLinkedid(AmiChannel channel, string? linkedid)
    {
        if (string.IsNullOrEmpty(linkedid) || string.Equals(channel.Linkedid, linkedid, StringComparison.Ordinal))
        {
            return null;
        }

        var left = channel.Linkedid;
        var remaining = CountLive(left, -1);
        channel.Linkedid = linkedid;
        CountLive(linkedid, +1);
        return remaining == 0 ? left : null;
    }

    /// <summary>Removes a channel; returns true when it was the last live channel of its conversation.</summary>
    public bool Remove(AmiChannel channel)
    {
        _byUid.Remove(channel.Uniqueid);
        if (_byName.TryGetValue(channel.Name, out var known) && ReferenceEquals(known, channel))
        {
            _byName.Remove(channel.Name);
        }

        Leave(channel);
        if (channel.IsLocal && Get(channel.LocalPartner) is { } partner)
        {
            partner.LocalPartner = null;
        }

        _localHalves.Remove(LocalBase(channel.Name) + LocalHalf(channel.Name));
        return CountLive(channel.Linkedid, -1) == 0;
    }

    public bool IsConversationLive(string linkedid) => _liveByLinkedid.ContainsKey(linkedid);

    public static void Pair(AmiChannel one, AmiChannel two)
    {
        one.LocalPartner = two.Uniqueid;
        two.LocalPartner = one.Uniqueid;
    }

    public AmiChannel? Partner(AmiChannel channel) => channel.IsLocal ? Get(channel.LocalPartner) : null;

    public AmiBridge EnsureBridge(string id, string? type, string? technology)
    {
        if (!_bridges.TryGetValue(id, out var bridge))
        {
            bridge = new AmiBridge(id);
            _bridges.Add(id, bridge);
        }

        if (!string.IsNullOrEmpty(type))
        {
            bridge.Type = type;
        }

        if (!string.IsNullOrEmpty(technology))
        {
            bridge.Technology = technology;
        }

        return bridge;
    }

    public void DestroyBridge(string id)
    {
        if (_bridges.Remove(id, out var bridge))
        {
            foreach (var member in bridge.Members)
            {
                if (string.Equals(member.BridgeId, id, StringComparison.Ordinal))
                {
                    member.BridgeId = null;
                }
            }
        }
    }

    public void Enter(AmiChannel channel, AmiBridge bridge)
    {
        if (channel.BridgeId is not null && !string.Equals(channel.BridgeId, bridge.Id, StringComparison.Ordinal))
        {
            Leave(channel);
        }

        channel.BridgeId = bridge.Id;
        if (!bridge.Members.Contains(channel))
        {
            bridge.Members.Add(channel);
        }
    }

    public void Leave(AmiChannel channel)
    {
        if (Bridge(channel.BridgeId) is { } bridge)
        {
            bridge.Members.Remove(channel);
        }

        channel.BridgeId = null;
    }

    /// <summary>
    /// The channel directly on the other side of <paramref name="channel"/>: the other member of its two-party
    /// bridge, else the channel it talks to through a dial. Null in a conference or when it is alone.
    /// </summary>
    public AmiChannel? Peer(AmiChannel channel, AmiChannel? exclude)
    {
        if (Bridge(channel.BridgeId) is { } bridge)
        {
            if (!bridge.IsTwoParty)
            {
                return null;
            }

            AmiChannel? other = null;
            var others = 0;
            foreach (var member in bridge.Members)
            {
                if (!ReferenceEquals(member, channel))
                {
                    other = member;
                    others++;
                }
            }

            if (others > 1)
            {
                return null;
            }

            if (others == 1)
            {
                return ReferenceEquals(other, exclude) ? null : other;
            }
        }

        return Candidate(channel.TransferOf, exclude)
            ?? Candidate(channel.AnsweredDest, exclude)
            ?? Candidate(channel.DialedBy, exclude)
            ?? (channel.Dialing.Count == 1 ? Candidate(channel.Dialing[0], exclude) : null);
    }

    /// <summary>
    /// Walks from <paramref name="start"/> through Local pairs to the first real channel. When the walk ends at a
    /// Local half with nobody behind it (an originated Local pair), <c>StuckAt</c> is that half.
    /// </summary>
    public (AmiChannel? Real, AmiChannel? StuckAt) Beyond(AmiChannel? start, AmiChannel? exclude)
    {
        var current = start;
        for (var hop = 0; hop < MaxHops && current is not null; hop++)
        {
            if (!current.IsLocal)
            {
                return (current, null);
            }

            var partner = Partner(current);
            if (partner is null)
            {
                return (null, current);
            }

            var next = Peer(partner, exclude);
            if (next is null)
            {
                return (null, partner);
            }

            current = next;
        }

        return (null, null);
    }

    /// <summary>The real party that <paramref name="origin"/> talks to (or rings, or is rung by) now.</summary>
    public AmiChannel? FarOf(AmiChannel origin) => Beyond(Peer(origin, null), origin).Real;

    public void Clear()
    {
        _byUid.Clear();
        _byName.Clear();
        _bridges.Clear();
        _localHalves.Clear();
        _liveByLinkedid.Clear();
    }

    private AmiChannel? Candidate(string? uniqueid, AmiChannel? exclude) =>
        Get(uniqueid) is { } candidate && !ReferenceEquals(candidate, exclude) ? candidate : null;

    private void PairLocal(AmiChannel channel)
    {
        var half = LocalHalf(channel.Name);
        if (half.Length == 0)
        {
            return;
        }

        var baseName = LocalBase(channel.Name);
        _localHalves[baseName + half] = channel.Uniqueid;
        var otherHalf = half == ";1" ? ";2" : ";1";
        if (_localHalves.TryGetValue(baseName + otherHalf, out var partnerId) && Get(partnerId) is { } partner)
        {
            Pair(channel, partner);
        }
    }

    private int CountLive(string linkedid, int change)
    {
        var count = _liveByLinkedid.GetValueOrDefault(linkedid) + change;
        if (count <= 0)
        {
            _liveByLinkedid.Remove(linkedid);
            return 0;
        }

        _liveByLinkedid[linkedid] = count;
        return count;
    }

    private static string LocalBase(string name)
    {
        var semicolon = name.LastIndexOf(';');
        return semicolon < 0 ? name : name[..semicolon];
    }

    private static string LocalHalf(string name)
    {
        var semicolon = name.LastIndexOf(';');
        return semicolon < 0 ? "" : name[semicolon..];
    }
}
