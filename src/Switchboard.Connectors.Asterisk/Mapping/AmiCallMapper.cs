using System.Diagnostics.CodeAnalysis;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

/// <summary>
/// Turns AMI events, in stream order, into the <see cref="PbxFact"/>s that follow from each. It keeps only the
/// protocol-level state needed for that (channels and their Linkedid, bridges, Local pairs, which channel is which
/// line, who dialled whom, what is held or parked) and decides no client-visible state: the call tracker does.
/// An event it cannot apply (an unknown channel, a missing key, an unexpected order) gives no fact and is counted.
/// Thread-safe: one pump maps events while commands look channels up.
/// </summary>
public sealed partial class AmiCallMapper
{
    private static readonly PbxFact[] NoFacts = [];

    private static readonly Dictionary<string, Func<AmiCallMapper, AmiMessage, Outcome>> Handlers =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["Newchannel"] = static (m, e) => m.OnNewchannel(e),
            ["Newstate"] = static (m, e) => m.OnNewstate(e),
            ["NewCallerid"] = static (m, e) => m.OnSnapshot(e),
            ["NewConnectedLine"] = static (m, e) => m.OnSnapshot(e),
            ["Newexten"] = static (m, e) => m.OnNewexten(e),
            ["Rename"] = static (m, e) => m.OnRename(e),
            ["LocalBridge"] = static (m, e) => m.OnLocalBridge(e),
            ["VarSet"] = static (m, e) => m.OnVarSet(e),
            ["OriginateResponse"] = static (m, e) => m.OnOriginateResponse(e),
            ["DialBegin"] = static (m, e) => m.OnDialBegin(e),
            ["DialEnd"] = static (m, e) => m.OnDialEnd(e),
            ["BridgeCreate"] = static (m, e) => m.OnBridgeCreate(e),
            ["BridgeEnter"] = static (m, e) => m.OnBridgeEnter(e),
            ["BridgeLeave"] = static (m, e) => m.OnBridgeLeave(e),
            ["BridgeDestroy"] = static (m, e) => m.OnBridgeDestroy(e),
            ["Hold"] = static (m, e) => m.OnHold(e, held: true),
            ["Unhold"] = static (m, e) => m.OnHold(e, held: false),
            ["MusicOnHoldStart"] = static (m, e) => m.OnMusicOnHold(e, playing: true),
            ["MusicOnHoldStop"] = static (m, e) => m.OnMusicOnHold(e, playing: false),
            ["ParkedCall"] = static (m, e) => m.OnParkedCall(e),
            ["UnParkedCall"] = static (m, e) => m.OnUnParkedCall(e),
            ["ParkedCallGiveUp"] = static (m, e) => m.OnParkedCallGone(e, gaveUp: true),
            ["ParkedCallTimeOut"] = static (m, e) => m.OnParkedCallGone(e, gaveUp: false),
            ["BlindTransfer"] = static (m, e) => m.OnBlindTransfer(e),
            ["AttendedTransfer"] = static (m, e) => m.OnAttendedTransfer(e),
            ["HangupRequest"] = static (m, e) => m.OnHangupRequest(e),
            ["SoftHangupRequest"] = static (m, e) => m.OnHangupRequest(e),
            ["Hangup"] = static (m, e) => m.OnHangup(e),
            ["DTMFEnd"] = static (m, e) => m.OnDtmfEnd(e),
            ["MixMonitorStart"] = static (m, e) => m.OnMixMonitor(e, recording: true),
            ["MixMonitorStop"] = static (m, e) => m.OnMixMonitor(e, recording: false),
            ["ChanSpyStart"] = static (m, e) => m.OnChanSpyStart(e),
            ["Pickup"] = static (m, e) => m.OnPickup(e),
            ["ConfbridgeJoin"] = static (m, e) => m.OnConfbridgeJoin(e),
            ["ConfbridgeLeave"] = static (m, e) => m.OnConfbridgeLeave(e),
            ["ConfbridgeEnd"] = static (m, e) => m.OnConfbridgeEnd(e),
            ["AgentCalled"] = static (m, e) => m.OnAgentCalled(e),
            ["AgentRingNoAnswer"] = static (m, e) => m.OnAgentRingNoAnswer(e),
            ["AgentComplete"] = static (m, e) => m.OnAgentComplete(e),
            ["QueueMemberPause"] = static (m, e) => m.OnQueueMemberPause(e),
            ["QueueMemberPaused"] = static (m, e) => m.OnQueueMemberPause(e),
            ["QueueMemberAdded"] = static (m, e) => m.OnQueueMembership(e, member: true),
            ["QueueMemberRemoved"] = static (m, e) => m.OnQueueMembership(e, member: false),
            ["QueueMemberStatus"] = static (m, e) => m.OnQueueMemberStatus(e),
            ["QueueMember"] = static (m, e) => m.OnQueueMemberStatus(e),
            ["PresenceStateChange"] = static (m, e) => m.OnPresenceStateChange(e),
        };

    // Events that are understood and need nothing: what they tell is known another way (DialBegin before
    // DialState, DTMFEnd after DTMFBegin, the channel events before Cdr), or it is for other parts (device and
    // queue statistics). CoreShowChannel items go to Resync, not through here.
    private static readonly HashSet<string> Understood = new(StringComparer.OrdinalIgnoreCase)
    {
        "DialState", "DTMFBegin", "ChanSpyStop", "ConfbridgeStart", "Cdr", "DeviceStateChange", "ExtensionStatus", "BridgeMerge",
        "QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon", "AgentConnect", "AgentDump",
        "CoreShowChannel", "CoreShowChannelsComplete", "LocalOptimizationBegin", "LocalOptimizationEnd",
    };

    private readonly Lock _gate = new();
    private readonly AmiMappingOptions _options;
    private readonly LineIdentifier _lines;
    private readonly SpyModes _spyModes;
    private readonly ChannelTable _channels = new();
    private readonly CallBook _calls = new();
    private readonly List<PbxFact> _facts = [];
    private long _seq;
    private long _events;
    private long _used;
    private long _ignored;
    private long _skipped;

    public AmiCallMapper(AmiMappingOptions? options = null)
    {
        _options = options ?? new AmiMappingOptions();
        _lines = new LineIdentifier(_options);
        _spyModes = new SpyModes(_options);
    }

    private enum Outcome
    {
        Used,
        Ignored,
        Skipped,
    }

    /// <summary>The events this mapper follows: the AMI event filter must let them through (VarSet for attended transfers and recordings).</summary>
    public static IReadOnlyCollection<string> EventNames { get; } = [.. Handlers.Keys];

    /// <summary>
    /// The AMI event filter the connector uses: <see cref="EventNames"/>, with <c>VarSet</c> (about 70 % of real
    /// traffic) only for the variables OnVarSet reads. Newexten stays whole: every one, whatever its application,
    /// refreshes its channel and records when it last ran dialplan (how a Redirect after a bridge is recognised).
    /// </summary>
    public static AmiEventFilter EventFilter { get; } = new(
        EventNames,
        [new AmiEventCondition("VarSet", "Variable", ["ATTENDEDTRANSFER", "TRANSFERERNAME", RecordingVariable])]);

    public LineIdentifier Lines => _lines;

    public AmiMappingCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new AmiMappingCounters(_events, _used, _ignored, _skipped);
            }
        }
    }

    /// <summary>Applies one message (events; responses are ignored) and returns the facts that follow from it, in order.</summary>
    public IReadOnlyList<PbxFact> Map(AmiMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _events++;
            _seq++;
            if (message.Kind != AmiMessageKind.Event || message.EventName is not { } name
                || !Handlers.TryGetValue(name, out var handler))
            {
                _ignored++;
                return NoFacts;
            }

            _facts.Clear();
            switch (handler(this, message))
            {
                case Outcome.Used:
                    _used++;
                    break;
                case Outcome.Skipped:
                    _skipped++;
                    break;
                default:
                    _ignored++;
                    break;
            }

            return _facts.Count == 0 ? NoFacts : [.. _facts];
        }
    }

    /// <summary>Whether the mapper understands an event of this name (follows it, or knows it needs nothing).</summary>
    public static bool Understands(string eventName) =>
        Handlers.ContainsKey(eventName) || Understood.Contains(eventName);

    /// <summary>Forgets every channel, call and counter, as after a restart of the PBX.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _channels.Clear();
            _calls.Clear();
            _queuesByLine.Clear();
            _pausedByLine.Clear();
            _memberWrapUp.Clear();
            _seq = _events = _used = _ignored = _skipped = _callOrder = 0;
        }
    }

    /// <summary>What the mapper holds now: live channels, active calls, conversations whose keys it remembers.</summary>
    internal (int Channels, int Calls, int Conversations) Footprint
    {
        get
        {
            lock (_gate)
            {
                return (_channels.Count, _calls.Count, _calls.Conversations);
            }
        }
    }

    /// <summary>Where a line's call runs now, for the connector's commands; false when the call is not active.</summary>
    public bool TryGetChannels(CallKey call, [NotNullWhen(true)] out CallChannels? channels)
    {
        lock (_gate)
        {
            channels = null;
            if (_calls.Find(call) is not { } found)
            {
                return false;
            }

            var line = _channels.Get(found.LineUid);
            var far = FarOfCall(found) ?? _channels.Get(found.FarUid);
            channels = new CallChannels(line?.Name, far?.Name, line?.BridgeId, found.ParkingSpace);
            return true;
        }
    }

    /// <summary>The newest live channel of a line (to spy on it, for one), or null when the line has none.</summary>
    public string? FindLineChannel(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            AmiChannel? newest = null;
            foreach (var channel in _channels.All)
            {
                if (string.Equals(channel.Line, line, StringComparison.Ordinal)
                    && (newest is null || UniqueidOrder.Instance.Compare(channel.Uniqueid, newest.Uniqueid) > 0))
                {
                    newest = channel;
                }
            }

            return newest?.Name;
        }
    }

    private AmiChannel? Channel(AmiMessage message, string prefix = "") =>
        _channels.Get(AmiFields.Get(message, prefix, "Uniqueid"))
        ?? _channels.ByName(AmiFields.Get(message, prefix, "Channel"));

    /// <summary>Takes what a channel block of an event says about the channel now.</summary>
    private void Refresh(AmiChannel channel, AmiMessage message, string prefix = "")
    {
        var state = AmiFields.GetInt(message, prefix, "ChannelState");
        if (state >= 0)
        {
            channel.State = state;
        }

        if (AmiFields.Get(message, prefix, "Exten") is { Length: > 0 } exten)
        {
            channel.Exten = exten;
        }

        if (AmiFields.Get(message, prefix, "Context") is { Length: > 0 } context)
        {
            channel.Context = context;
        }

        if (AmiFields.Get(message, prefix, "CallerIDNum") is { } number)
        {
            channel.CallerIdNum = AmiFields.Clean(number);
        }

        if (AmiFields.Get(message, prefix, "CallerIDName") is { } name)
        {
            channel.CallerIdName = AmiFields.Clean(name);
        }

        if (AmiFields.Get(message, prefix, "ConnectedLineNum") is { } connected)
        {
            channel.ConnectedNum = AmiFields.Clean(connected);
        }

        if (_channels.SetLinkedid(channel, AmiFields.Get(message, prefix, "Linkedid")) is { } over)
        {
            _calls.ForgetConversation(over);
        }
    }

    /// <summary>Orders Uniqueids (<c>epoch.sequence</c>) by creation.</summary>
    private sealed class UniqueidOrder : IComparer<string>
    {
        public static readonly UniqueidOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (xs, xn) = Split(x);
            var (ys, yn) = Split(y);
            var bySeconds = xs.CompareTo(ys);
            return bySeconds != 0 ? bySeconds : xn.CompareTo(yn);
        }

        private static (long Seconds, long Sequence) Split(string? uniqueid)
        {
            if (uniqueid is null)
            {
                return (0, 0);
            }

            var dot = uniqueid.IndexOf('.', StringComparison.Ordinal);
            var seconds = dot < 0 ? uniqueid : uniqueid[..dot];
            var sequence = dot < 0 ? "" : uniqueid[(dot + 1)..];
            return (ParseOrZero(seconds), ParseOrZero(sequence));
        }

        private static long ParseOrZero(string text) =>
            long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : 0;
    }
}
