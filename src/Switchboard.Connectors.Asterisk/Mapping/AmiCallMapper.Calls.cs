using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// Starting, answering, holding, re-partying and ending line calls: each fact said once, from one place.
public sealed partial class AmiCallMapper
{
    private long _callOrder;

    /// <summary>The line placed a call (from its phone, or answered an Originate) to <paramref name="number"/>.</summary>
    private LineCall? StartPlaced(AmiChannel lineChannel, string number, bool answersWhenUp)
    {
        var line = lineChannel.Line!;
        var conversation = lineChannel.Linkedid;
        if (_calls.FreeKey(conversation, line, conversation, lineChannel.Uniqueid) is not { } key)
        {
            return null;
        }

        // A call placed while another call of the line waits on hold is a consultation of that call.
        var parent = HeldCallWithoutConsultation(line);
        var far = _channels.FarOf(lineChannel);
        var call = new LineCall(key, conversation)
        {
            Direction = far?.IsLine == true || _lines.IsInternalNumber(number) ? CallDirection.Internal : CallDirection.Outgoing,
            CallerNumber = line,
            CalleeNumber = number,
            PlacedByLine = true,
            AnswersWhenUp = answersWhenUp,
            ParentPbxCallId = parent?.Key.PbxCallId,
            LineUid = lineChannel.Uniqueid,
            OriginUid = lineChannel.Uniqueid,
            FarUid = far?.Uniqueid,
            Order = ++_callOrder,
        };
        Begin(lineChannel, call);
        if (answersWhenUp && lineChannel.IsUp)
        {
            Answer(call);
        }

        return call;
    }

    /// <summary>A Dial from <paramref name="dialer"/> (whose real party is <paramref name="origin"/>) rings the line's channel.</summary>
    private void StartIncoming(AmiChannel lineChannel, AmiChannel origin, AmiChannel dialer)
    {
        var line = lineChannel.Line!;
        if (Reattach(lineChannel, origin))
        {
            return;
        }

        var consultation = ConsultationLocalOf(dialer);
        var queued = lineChannel.Queue is not null || dialer.Queue is not null || _channels.Partner(dialer)?.Queue is not null;
        var callee = (queued ? origin.DialledExten : dialer.DialledExten) ?? line;
        var caller = PartyNumber(origin);
        var conversation = lineChannel.Linkedid;
        if (_calls.FreeKey(conversation, line, consultation?.Uniqueid, conversation, lineChannel.Uniqueid) is not { } key)
        {
            return;
        }

        var redirectedFrom = dialer.TransferredByLine ?? origin.TransferredByLine;
        var call = new LineCall(key, conversation)
        {
            Direction = origin.IsLine ? CallDirection.Internal : CallDirection.Incoming,
            CallerNumber = caller,
            // A line's caller ID may have been set to something else (an Originate shows the number it will dial).
            CallerName = origin.IsLine && !string.Equals(origin.CallerIdNum, origin.Line, StringComparison.Ordinal)
                ? null
                : AmiFields.CleanName(origin.CallerIdName, caller),
            CalleeNumber = callee,
            RedirectedFrom = string.Equals(redirectedFrom, line, StringComparison.Ordinal) ? null : redirectedFrom,
            LineUid = lineChannel.Uniqueid,
            OriginUid = lineChannel.Uniqueid,
            FarUid = origin.Uniqueid,
            Order = ++_callOrder,
        };
        Begin(lineChannel, call);
        if (lineChannel.IsUp)
        {
            Answer(call);
        }
    }

    private void Begin(AmiChannel lineChannel, LineCall call)
    {
        lineChannel.Pending = PendingKind.None;
        lineChannel.PendingVia = null;
        lineChannel.AwaitingApplication = null;
        _calls.Add(call);
        _facts.Add(call.ToAppeared(resync: false));
        TellRecordingAtStart(call);
    }

    /// <summary>
    /// A new channel of a line meets the party of the line's call that waits without a channel (parked, or put
    /// on music on hold by redirect): it is the same call, taken back.
    /// </summary>
    private bool Reattach(AmiChannel lineChannel, AmiChannel far)
    {
        var waiting = _calls.OnLine(lineChannel.Line!)
            .FirstOrDefault(c => c.LineUid is null && string.Equals(c.FarUid, far.Uniqueid, StringComparison.Ordinal));
        if (waiting is null)
        {
            return false;
        }

        lineChannel.Pending = PendingKind.None;
        lineChannel.PendingVia = null;
        lineChannel.AwaitingApplication = null;
        _calls.SetLineChannel(waiting, lineChannel.Uniqueid);
        waiting.ParkingSpace = null;
        if (lineChannel.IsUp && (lineChannel.BridgeId is not null || far.BridgeId is not null))
        {
            SetHeld(waiting, false);
        }
        else
        {
            waiting.ResumesWhenUp = true;
        }

        return true;
    }

    private void Answer(LineCall call)
    {
        if (call.Answered || call.Ended)
        {
            return;
        }

        call.Answered = true;
        _facts.Add(new CallAnswered(call.Key));
    }

    private void SetHeld(LineCall call, bool held)
    {
        if (!call.Answered || call.Ended || call.Held == held || call.IsListening)
        {
            return;
        }

        call.Held = held;
        _facts.Add(held ? new CallHeld(call.Key) : new CallUnheld(call.Key));
    }

    private void End(LineCall call, HangupCause cause, HangupSide side, string? transferTarget = null)
    {
        if (call.Ended)
        {
            return;
        }

        _calls.Finish(call);
        _facts.Add(new CallEnded(call.Key, cause, side) { TransferTarget = transferTarget });
        if (!_channels.IsConversationLive(call.ConversationId))
        {
            _calls.ForgetConversation(call.ConversationId);
        }
    }

    /// <summary>The far end of the call is someone else now; said only when the numbers change.</summary>
    private void ChangeParty(LineCall call, string farNumber, bool farIsLine, string? farName, string? redirectedFrom)
    {
        var direction = farIsLine ? CallDirection.Internal
            : call.PlacedByLine ? CallDirection.Outgoing
            : CallDirection.Incoming;
        var caller = call.PlacedByLine ? call.Line : farNumber;
        var callee = call.PlacedByLine ? farNumber : call.Line;
        var redirected = redirectedFrom is not null && !string.Equals(redirectedFrom, call.RedirectedFrom, StringComparison.Ordinal);
        if (call.Ended || farNumber.Length == 0
            || (!redirected && direction == call.Direction
                && string.Equals(caller, call.CallerNumber, StringComparison.Ordinal)
                && string.Equals(callee, call.CalleeNumber, StringComparison.Ordinal)))
        {
            return;
        }

        call.Direction = direction;
        call.CallerNumber = caller;
        call.CalleeNumber = callee;
        call.CallerName = call.PlacedByLine ? null : farName;
        call.RedirectedFrom = redirectedFrom ?? call.RedirectedFrom;
        _facts.Add(new CallPartyChanged(call.Key, caller, call.CallerName, callee)
        {
            Direction = direction,
            RedirectedFrom = redirectedFrom,
        });
    }

    private void ChangeParty(LineCall call, AmiChannel far, string? redirectedFrom)
    {
        var number = PartyNumber(far);
        ChangeParty(call, number, far.IsLine, AmiFields.CleanName(far.CallerIdName, number), redirectedFrom);
    }

    /// <summary>The number that names a channel's party: its line, the number dialled to reach it, or its caller ID.</summary>
    private static string PartyNumber(AmiChannel channel) =>
        channel.Line ?? channel.DialedNumber ?? channel.CallerIdNum;

    /// <summary>The real party of a call now: beyond the consultation's Local pair, or on the other side of the line's channel.</summary>
    private AmiChannel? FarOfCall(LineCall call)
    {
        if (call.IsConsultationLeg)
        {
            return _channels.Beyond(_channels.Get(call.OriginUid), _channels.Get(call.LineUid)).Real;
        }

        return _channels.Get(call.LineUid) is { } line ? _channels.FarOf(line) : null;
    }

    private bool IsPending(AmiChannel channel) =>
        channel.IsLine && channel.Pending != PendingKind.None && !_calls.HasCallsOn(channel.Uniqueid);

    private LineCall? HeldCallWithoutConsultation(string line)
    {
        LineCall? held = null;
        foreach (var call in _calls.OnLine(line))
        {
            if (call.Held && !call.IsListening && (held is null || call.Order > held.Order)
                && !_calls.OnLine(line).Any(c => string.Equals(c.ParentPbxCallId, call.Key.PbxCallId, StringComparison.Ordinal)))
            {
                held = call;
            }
        }

        return held;
    }

    /// <summary>The newest active call on a channel that matches, or null.</summary>
    private LineCall? Newest(string uniqueid, Func<LineCall, bool> match)
    {
        LineCall? newest = null;
        foreach (var call in _calls.On(uniqueid))
        {
            if (!call.Ended && match(call) && (newest is null || call.Order > newest.Order))
            {
                newest = call;
            }
        }

        return newest;
    }

    /// <summary>The call the line placed that a Dial from <paramref name="dialer"/> is part of.</summary>
    private LineCall? PlacedCallOf(AmiChannel dialer, AmiChannel? dest)
    {
        foreach (var candidate in new[] { dialer, _channels.Partner(dialer) })
        {
            if (candidate is not null
                && Newest(candidate.Uniqueid, c => c.PlacedByLine && string.Equals(c.OriginUid, candidate.Uniqueid, StringComparison.Ordinal)) is { } call)
            {
                return call;
            }
        }

        var root = dialer.IsLocal ? _channels.Beyond(dialer, dest).Real : dialer;
        return root is { IsLine: true }
            ? Newest(root.Uniqueid, c => c.PlacedByLine && !c.IsConsultationLeg && !c.Held)
            : null;
    }

    /// <summary>The Local channel of an attended transfer that a Dial comes through, if any.</summary>
    private AmiChannel? ConsultationLocalOf(AmiChannel dialer)
    {
        if (dialer.TransferOf is not null)
        {
            return dialer;
        }

        return _channels.Partner(dialer) is { TransferOf: not null } partner ? partner : null;
    }
}
