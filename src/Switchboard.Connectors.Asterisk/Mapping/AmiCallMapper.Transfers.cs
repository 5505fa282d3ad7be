using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// BlindTransfer, AttendedTransfer (main/stasis_bridges.c) and the Local channel of an attended transfer
// (AMI Atxfer or the phone's feature code: main/bridge_basic.c). The transferring line's calls end
// Transferred; the line that gets the call learns who handed it over.
public sealed partial class AmiCallMapper
{
    // Manager events, BlindTransfer: Result, Transferer… and Transferee… blocks, Extension, Context.
    private Outcome OnBlindTransfer(AmiMessage message)
    {
        if (!string.Equals(message["Result"], "Success", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Used;
        }

        if (Channel(message, "Transferer") is not { } transferer)
        {
            return Outcome.Skipped;
        }

        var target = message["Extension"] ?? "";
        var transferee = Channel(message, "Transferee");
        var party = transferee is null ? null : transferee.IsLocal ? _channels.Beyond(transferee, transferer).Real : transferee;
        if (transferer.IsLine)
        {
            if (Newest(transferer.Uniqueid, c => c.Answered && IsOnChannel(c, transferer)) is { } call)
            {
                End(call, HangupCause.Transferred, HangupSide.Local, target);
            }

            transferee?.TransferredByLine = transferer.Line;
            party?.TransferredByLine = transferer.Line;
        }

        if (party is { IsLine: true })
        {
            // The transferred party is a line itself: its far end is the target now.
            foreach (var call in _calls.On(party.Uniqueid))
            {
                if (call.Answered && IsOnChannel(call, party))
                {
                    ChangeParty(call, target, _lines.IsInternalNumber(target), null, redirectedFrom: null);
                }
            }
        }

        return Outcome.Used;
    }

    // AttendedTransfer: Result, OrigTransferer… and SecondTransferer… blocks (the transferer's two calls),
    // Transferee… and TransferTarget… blocks, DestType (Bridge, App, Link, Threeway, Fail).
    private Outcome OnAttendedTransfer(AmiMessage message)
    {
        var destType = message["DestType"];
        if (!string.Equals(message["Result"], "Success", StringComparison.OrdinalIgnoreCase)
            || string.Equals(destType, "Fail", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Used;
        }

        if (string.Equals(destType, "Threeway", StringComparison.OrdinalIgnoreCase))
        {
            // A three-way call keeps the transferer in: nothing ends, the bridge becomes a conference.
            if (_channels.Bridge(message["DestBridgeUniqueid"]) is { } bridge)
            {
                StartThreeWay(bridge);
            }

            return Outcome.Used;
        }

        var calls = new List<LineCall>();
        foreach (var prefix in new[] { "OrigTransferer", "SecondTransferer" })
        {
            var uniqueid = AmiFields.Get(message, prefix, "Uniqueid") ?? _channels.ByName(AmiFields.Get(message, prefix, "Channel"))?.Uniqueid;
            if (uniqueid is null)
            {
                continue;
            }

            foreach (var call in _calls.On(uniqueid))
            {
                if (!calls.Contains(call))
                {
                    calls.Add(call);
                }
            }
        }

        if (calls.Count == 0)
        {
            return Outcome.Used;
        }

        var consultation = calls.Where(c => c.IsConsultationLeg || c.ParentPbxCallId is not null).MaxBy(c => c.Order);
        var original = calls.Where(c => !ReferenceEquals(c, consultation)).MaxBy(c => c.Order);
        var transferee = RealOf(Channel(message, "Transferee")) ?? _channels.Get(original?.FarUid);
        var consulted = _channels.Get(consultation?.FarUid) ?? RealOf(Channel(message, "TransferTarget"));
        var target = consultation?.CalleeNumber
            ?? (consulted is null ? AmiFields.Clean(message["SecondTransfererConnectedLineNum"]) : PartyNumber(consulted));
        var line = calls[0].Line;

        foreach (var call in calls.Where(c => !ReferenceEquals(c, consultation)).Append(consultation))
        {
            if (call is not null)
            {
                End(call, HangupCause.Transferred, HangupSide.Local, target);
            }
        }

        transferee?.TransferredByLine = line;
        if (consulted is { IsLine: true } && transferee is not null)
        {
            foreach (var call in _calls.On(consulted.Uniqueid))
            {
                _calls.SetFar(call, transferee.Uniqueid);
                ChangeParty(call, transferee, redirectedFrom: line);
            }
        }

        if (transferee is { IsLine: true } && consulted is not null)
        {
            foreach (var call in _calls.On(transferee.Uniqueid))
            {
                _calls.SetFar(call, consulted.Uniqueid);
                ChangeParty(call, consulted, redirectedFrom: null);
            }
        }

        return Outcome.Used;
    }

    /// <summary>
    /// The Local channel that Asterisk requested for an attended transfer belongs to the transferer: the line's
    /// call goes on hold and a consultation of it starts, keyed by that Local channel's Uniqueid.
    /// </summary>
    private void BindAttendedTransfer(AmiChannel local, AmiChannel transferer)
    {
        local.TransferOf = transferer.Uniqueid;
        if (transferer.IsLine
            && !_calls.On(local.Uniqueid).Any(c => c.IsConsultationLeg)
            && Newest(transferer.Uniqueid, c => c.Answered && !c.IsConsultationLeg && !c.IsListening && IsOnChannel(c, transferer)) is { } parent)
        {
            SetHeld(parent, true);
            var number = LocalExten(local.Name) ?? local.DialledExten ?? "";
            var far = _channels.Beyond(local, transferer).Real;
            if (_calls.FreeKey(parent.ConversationId, parent.Line, local.Uniqueid) is { } key)
            {
                var consultation = new LineCall(key, parent.ConversationId)
                {
                    Direction = far?.IsLine == true || _lines.IsInternalNumber(number) ? CallDirection.Internal : CallDirection.Outgoing,
                    CallerNumber = parent.Line,
                    CalleeNumber = number,
                    PlacedByLine = true,
                    IsConsultationLeg = true,
                    ParentPbxCallId = parent.Key.PbxCallId,
                    LineUid = transferer.Uniqueid,
                    OriginUid = local.Uniqueid,
                    FarUid = far?.Uniqueid,
                    Order = ++_callOrder,
                };
                _calls.Add(consultation);
                _facts.Add(consultation.ToAppeared(resync: false));
            }
        }

        // A target that rang before the Local channel was known to be the transferer's gets its call now.
        foreach (var waiting in _channels.All.Where(c => string.Equals(c.PendingVia, local.Uniqueid, StringComparison.Ordinal)).ToList())
        {
            if (IsPending(waiting) && _channels.Get(waiting.DialedBy) is { } dialer && _channels.Beyond(dialer, waiting).Real is { } origin)
            {
                StartIncoming(waiting, origin, dialer);
            }
        }
    }

    /// <summary>
    /// Without VarSet events: a line's channel, with a call whose party is elsewhere, enters a bridge where a Local
    /// channel that nobody dialled waits. That is Asterisk moving the transferer into the consultation bridge.
    /// </summary>
    private void BindLoneTransferLocal(AmiChannel line, AmiBridge bridge)
    {
        foreach (var member in bridge.Members)
        {
            if (member.IsLocal && member.TransferOf is null && member.DialedBy is null
                && member.Name.EndsWith(";1", StringComparison.Ordinal)
                && Newest(line.Uniqueid, c => c.Answered && !c.IsConsultationLeg && IsOnChannel(c, line)) is { } call
                && call.FarUid is not null
                && !string.Equals(_channels.Beyond(member, line).Real?.Uniqueid, call.FarUid, StringComparison.Ordinal))
            {
                BindAttendedTransfer(member, line);
                return;
            }
        }
    }

    private AmiChannel? RealOf(AmiChannel? channel) =>
        channel is { IsLocal: true } ? _channels.Beyond(channel, null).Real : channel;

    /// <summary>The extension in a Local channel's name: <c>Local/102@from-internal-00000000;1</c> is 102.</summary>
    private static string? LocalExten(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var at = name.IndexOf('@', StringComparison.Ordinal);
        return slash >= 0 && at > slash + 1 ? name[(slash + 1)..at] : null;
    }
}
