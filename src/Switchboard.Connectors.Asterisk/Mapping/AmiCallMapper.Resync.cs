using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// The resync after a reconnect: the CoreShowChannel list (Action: CoreShowChannels) is the truth. Channels it
// no longer lists are forgotten, channels it lists are learnt, and every line call is reported as it is now.
// A call already known keeps its key; a call never seen gets the key it would have had.
public sealed partial class AmiCallMapper
{
    /// <summary>
    /// Reconciles the channel table with a <c>CoreShowChannels</c> list (its <c>CoreShowChannel</c> events; others are
    /// skipped) and returns one <see cref="CallAppeared"/> per active line call, with AlreadyAnswered and AlreadyHeld set.
    /// </summary>
    public ActiveCallsReported Resync(IEnumerable<AmiMessage> coreShowChannels)
    {
        ArgumentNullException.ThrowIfNull(coreShowChannels);
        lock (_gate)
        {
            var listed = new Dictionary<string, AmiMessage>(StringComparer.Ordinal);
            foreach (var item in coreShowChannels)
            {
                if (string.Equals(item.EventName, "CoreShowChannel", StringComparison.OrdinalIgnoreCase)
                    && item["Uniqueid"] is { Length: > 0 } uniqueid && item["Channel"] is { Length: > 0 })
                {
                    listed[uniqueid] = item;
                }
            }

            ForgetUnlisted(listed);
            var learnt = new List<(AmiChannel Channel, AmiMessage Item)>();
            foreach (var (uniqueid, item) in listed)
            {
                var channel = _channels.Get(uniqueid)
                    ?? _channels.Add(uniqueid, item["Channel"]!, item["Linkedid"] ?? uniqueid, _lines.LineOf(item["Channel"]));
                Refresh(channel, item);
                if (item["BridgeId"] is { Length: > 0 } bridgeId)
                {
                    _channels.Enter(channel, _channels.EnsureBridge(bridgeId, null, null));
                }
                else
                {
                    _channels.Leave(channel);
                }

                learnt.Add((channel, item));
            }

            _facts.Clear();
            foreach (var (channel, item) in learnt.OrderBy(l => l.Channel.Uniqueid, UniqueidOrder.Instance))
            {
                if (channel.IsLine && !_calls.HasCallsOn(channel.Uniqueid))
                {
                    TakeUp(channel, item);
                }
            }

            // Facts made while taking calls up are not reported one by one: the list below says it all.
            _facts.Clear();
            var calls = _calls.Active
                .Where(c => _channels.Get(c.LineUid) is not null || _channels.Get(c.FarUid) is not null)
                .OrderBy(c => c.Order)
                .Select(c => c.ToAppeared(resync: true) with { Age = ChannelAge(listed, c.LineUid) })
                .ToList();
            return new ActiveCallsReported(calls);
        }
    }

    /// <summary>How long the line's channel has existed, from its <c>Duration: H:MM:SS</c>; null when the list does not say.</summary>
    private static TimeSpan? ChannelAge(Dictionary<string, AmiMessage> listed, string? lineUid)
    {
        if (lineUid is null || !listed.TryGetValue(lineUid, out var item) || item["Duration"] is not { Length: > 0 } duration)
        {
            return null;
        }

        var parts = duration.Split(':');
        return parts.Length == 3
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? new TimeSpan(hours, minutes, seconds)
            : null;
    }

    private void ForgetUnlisted(Dictionary<string, AmiMessage> listed)
    {
        foreach (var channel in _channels.All.Where(c => !listed.ContainsKey(c.Uniqueid)).ToList())
        {
            foreach (var call in _calls.On(channel.Uniqueid).Concat(_calls.Facing(channel.Uniqueid)).ToList())
            {
                var waitingParkedCall = _channels.Get(call.LineUid) is null && call.FarUid is { } far && listed.ContainsKey(far);
                if (!call.Ended && !waitingParkedCall
                    && (string.Equals(call.LineUid, channel.Uniqueid, StringComparison.Ordinal) || _channels.Get(call.LineUid) is null))
                {
                    // Ended while we could not see it: the tracker ends what the list leaves out.
                    _calls.Finish(call);
                }
            }

            if (_channels.Remove(channel))
            {
                _calls.ForgetConversation(channel.Linkedid);
            }
        }
    }

    /// <summary>A line's channel with no known call: the call it carries, as far as the list tells.</summary>
    private void TakeUp(AmiChannel channel, AmiMessage item)
    {
        if (KeyFor(channel) is not { } key)
        {
            return;
        }

        var application = item["Application"] ?? "";
        var data = item["ApplicationData"] ?? "";
        if (application.Equals("ChanSpy", StringComparison.OrdinalIgnoreCase)
            || application.Equals("ExtenSpy", StringComparison.OrdinalIgnoreCase))
        {
            TakeUpListening(channel, key, data);
            return;
        }

        var far = _channels.FarOf(channel);
        var dialled = application.StartsWith("AppDial", StringComparison.OrdinalIgnoreCase);
        if (dialled && application.Equals("AppDial2", StringComparison.OrdinalIgnoreCase) && far is null)
        {
            // An Originate still ringing the agent's phone: its call appears when it is known what for.
            channel.Pending = PendingKind.Originated;
            return;
        }

        if (dialled)
        {
            var caller = far is null ? channel.ConnectedNum : PartyNumber(far);
            var call = new LineCall(key, channel.Linkedid)
            {
                Direction = far?.IsLine == true ? CallDirection.Internal : CallDirection.Incoming,
                CallerNumber = caller,
                CallerName = far is null ? null : AmiFields.CleanName(far.CallerIdName, caller),
                CalleeNumber = far?.DialledExten ?? channel.Line!,
                LineUid = channel.Uniqueid,
                OriginUid = channel.Uniqueid,
                FarUid = far?.Uniqueid,
                Answered = channel.IsUp,
                Order = ++_callOrder,
            };
            Adopt(channel, call);
            return;
        }

        var number = channel.DialledExten ?? channel.ConnectedNum;
        var placed = new LineCall(key, channel.Linkedid)
        {
            Direction = far?.IsLine == true || _lines.IsInternalNumber(number) ? CallDirection.Internal : CallDirection.Outgoing,
            CallerNumber = channel.Line!,
            CalleeNumber = number,
            PlacedByLine = true,
            LineUid = channel.Uniqueid,
            OriginUid = channel.Uniqueid,
            FarUid = far?.Uniqueid,
            Answered = far?.IsUp == true && channel.IsUp,
            Order = ++_callOrder,
        };
        Adopt(channel, placed);
    }

    private void TakeUpListening(AmiChannel channel, CallKey key, string data)
    {
        var target = data.Split(',')[0];
        var listenedLine = _lines.LineOf(target) ?? target;
        var listened = _channels.All.Where(c => string.Equals(c.Line, listenedLine, StringComparison.Ordinal))
            .MaxBy(c => c.Uniqueid, UniqueidOrder.Instance);
        var comma = data.IndexOf(',', StringComparison.Ordinal);
        var spied = listened is null ? null : Newest(listened.Uniqueid, c => !c.IsListening && IsOnChannel(c, listened));
        var call = new LineCall(key, listened?.Linkedid ?? channel.Linkedid)
        {
            Direction = CallDirection.Internal,
            CallerNumber = channel.Line!,
            CalleeNumber = listenedLine,
            PlacedByLine = true,
            IsListening = true,
            SupervisionMode = SpyModes.FromOptions(comma < 0 ? "" : data[(comma + 1)..]) ?? SupervisionMode.Listen,
            SupervisedCall = spied?.Key,
            LineUid = channel.Uniqueid,
            OriginUid = channel.Uniqueid,
            Answered = channel.IsUp,
            Order = ++_callOrder,
        };
        Adopt(channel, call);
    }

    private CallKey? KeyFor(AmiChannel channel) =>
        _calls.FreeKey(channel.Linkedid, channel.Line!, channel.Linkedid, channel.Uniqueid);

    private void Adopt(AmiChannel channel, LineCall call)
    {
        channel.Pending = PendingKind.None;
        _calls.Add(call);
    }
}
