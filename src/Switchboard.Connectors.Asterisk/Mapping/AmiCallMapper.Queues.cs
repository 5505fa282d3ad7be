using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// Queues (app_queue) and agent state. A member's ringing is a Dial like any other (DialBegin makes the call);
// AgentCalled marks the offer as a queue's, AgentRingNoAnswer as missed. Pause is Away with its reason,
// membership is call-centre mode, and a CustomPresence of a line (dnd, away, available) is its agent state.
public sealed partial class AmiCallMapper
{
    private readonly Dictionary<string, HashSet<string>> _queuesByLine = new(StringComparer.Ordinal);
    // line -> the queues it is paused in, with the reason given there.
    private readonly Dictionary<string, List<(string Queue, string Reason)>> _pausedByLine = new(StringComparer.Ordinal);

    // Manager events, AgentCalled: the caller block, the Dest… block of the member's channel, Queue, Interface.
    private Outcome OnAgentCalled(AmiMessage message)
    {
        if (Channel(message, "Dest") is not { } member)
        {
            return Outcome.Skipped;
        }

        member.Queue = message["Queue"] ?? "";
        return Outcome.Used;
    }

    // AgentRingNoAnswer: the member's phone rang out (RingTime).
    private Outcome OnAgentRingNoAnswer(AmiMessage message)
    {
        if (Channel(message, "Dest") is not { } member)
        {
            return Outcome.Skipped;
        }

        member.RingNoAnswer = true;
        return Outcome.Used;
    }

    // QueueMemberPause (QueueMemberPaused before Asterisk 12): Paused, PausedReason (Reason in old versions).
    // A line paused in any queue is away, with the reason it was last paused for.
    private Outcome OnQueueMemberPause(AmiMessage message)
    {
        if (MemberLine(message) is not { } line)
        {
            return Outcome.Skipped;
        }

        Join(line, message["Queue"]);
        SetPaused(line, message["Queue"], AmiFields.IsTrue(message["Paused"]), message["PausedReason"] ?? message["Reason"]);
        _facts.Add(new AgentStatusReported(line, PauseStatus(line)));
        return Outcome.Used;
    }

    // QueueMemberAdded / QueueMemberRemoved: the line takes queue calls, or no longer (in any queue).
    private Outcome OnQueueMembership(AmiMessage message, bool member)
    {
        if (MemberLine(message) is not { } line)
        {
            return Outcome.Skipped;
        }

        if (member)
        {
            Join(line, message["Queue"]);
            NoteMemberWrapUp(line, message);
        }
        else if (_queuesByLine.TryGetValue(line, out var queues))
        {
            queues.Remove(message["Queue"] ?? "");
            if (queues.Count == 0)
            {
                _queuesByLine.Remove(line);
                _facts.Add(new CallCentreModeReported(line, false));
            }
        }

        return Outcome.Used;
    }

    // QueueMemberStatus (a member's device state changed) and QueueMember (a QueueStatus list item): membership,
    // and pause when it differs from what is known (these events also come for every device state change).
    private Outcome OnQueueMemberStatus(AmiMessage message)
    {
        if (MemberLine(message) is not { } line)
        {
            return Outcome.Skipped;
        }

        Join(line, message["Queue"]);
        NoteMemberWrapUp(line, message);
        if (message["Paused"] is { } paused)
        {
            var before = PauseStatus(line);
            SetPaused(line, message["Queue"], AmiFields.IsTrue(paused), message["PausedReason"]);
            if (PauseStatus(line) is var after && after != before)
            {
                _facts.Add(new AgentStatusReported(line, after));
            }
        }

        return Outcome.Used;
    }

    // PresenceStateChange (func_presencestate): Presentity CustomPresence:101, Status dnd/away/xa/available/unavailable, Message.
    private Outcome OnPresenceStateChange(AmiMessage message)
    {
        if (PresenceOf(message) is not { } presence)
        {
            return Outcome.Ignored;
        }

        _facts.Add(presence);
        return Outcome.Used;
    }

    /// <summary>The agent state a presence of a line's presentity says, or null for another presentity or an unknown status.</summary>
    private AgentStatusReported? PresenceOf(AmiMessage message)
    {
        var presentity = message["Presentity"];
        var colon = presentity?.LastIndexOf(':') ?? -1;
        var line = colon < 0 ? null : presentity![(colon + 1)..];
        if (line is null || !_lines.IsInternalNumber(line))
        {
            return null;
        }

        var text = AmiFields.Clean(message["Message"]);
        AgentStatus? status = message["Status"]?.ToUpperInvariant() switch
        {
            "DND" => new AgentStatus(AgentState.DoNotDisturb, text.Length == 0 ? null : text),
            "AWAY" or "XA" => new AgentStatus(AgentState.Away, text.Length == 0 ? null : text),
            "AVAILABLE" or "CHAT" => AgentStatus.Available,
            "UNAVAILABLE" => new AgentStatus(AgentState.Offline),
            _ => null,
        };
        return status is null ? null : new AgentStatusReported(line, status);
    }

    /// <summary>The line a queue member is: its state interface (a Local member's device) or its interface.</summary>
    private string? MemberLine(AmiMessage message) =>
        _lines.LineOf(message["StateInterface"]) ?? _lines.LineOf(message["Interface"]) ?? _lines.LineOf(message["Location"]);

    private void Join(string line, string? queue)
    {
        if (!_queuesByLine.TryGetValue(line, out var queues))
        {
            queues = new HashSet<string>(StringComparer.Ordinal);
            _queuesByLine.Add(line, queues);
            _facts.Add(new CallCentreModeReported(line, true));
        }

        queues.Add(queue ?? "");
    }

    private void SetPaused(string line, string? queue, bool paused, string? reason)
    {
        if (!_pausedByLine.TryGetValue(line, out var pauses))
        {
            pauses = [];
            _pausedByLine.Add(line, pauses);
        }

        var name = queue ?? "";
        pauses.RemoveAll(p => string.Equals(p.Queue, name, StringComparison.Ordinal));
        if (paused)
        {
            // The newest pause goes last: its reason is the one shown.
            pauses.Add((name, AmiFields.Clean(reason)));
        }
    }

    private AgentStatus PauseStatus(string line)
    {
        if (!_pausedByLine.TryGetValue(line, out var pauses) || pauses.Count == 0)
        {
            return AgentStatus.Available;
        }

        var reason = pauses.LastOrDefault(p => p.Reason.Length > 0).Reason;
        return new AgentStatus(AgentState.Away, reason);
    }
}
