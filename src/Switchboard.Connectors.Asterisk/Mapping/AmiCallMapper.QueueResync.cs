using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// The queue side of the resync after a (re)connection: the QueueStatus list (Action: QueueStatus, its QueueMember
// items) says who is in which queue and paused with what reason. Without it, call-centre mode and pause would stay
// unknown until a queue event happened to come.
public sealed partial class AmiCallMapper
{
    /// <summary>
    /// Replaces what is known of queue membership and pauses with a <c>QueueStatus</c> list (its <c>QueueMember</c>
    /// events; others are skipped). Every member line is reported in call-centre mode with its pause; a line that
    /// was a member and is no longer is reported out of it (and available, if it was paused). Static members
    /// (queues.conf <c>member =&gt;</c>) are listed too: Asterisk refuses to take them out of a queue.
    /// </summary>
    public QueueResync ResyncQueues(IEnumerable<AmiMessage> queueStatus)
    {
        ArgumentNullException.ThrowIfNull(queueStatus);
        lock (_gate)
        {
            var before = _queuesByLine.Keys.ToHashSet(StringComparer.Ordinal);
            var pausedBefore = _pausedByLine.Where(p => p.Value.Count > 0).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            _queuesByLine.Clear();
            _pausedByLine.Clear();
            var staticMembers = new List<QueueMembership>();
            var queues = new List<string>();
            _facts.Clear();
            foreach (var item in queueStatus)
            {
                if (string.Equals(item.EventName, "QueueParams", StringComparison.OrdinalIgnoreCase) && item["Queue"] is { Length: > 0 } known)
                {
                    queues.Add(known);
                }

                if (!string.Equals(item.EventName, "QueueMember", StringComparison.OrdinalIgnoreCase)
                    || MemberLine(item) is not { } line || item["Queue"] is not { Length: > 0 } queue)
                {
                    continue;
                }

                Join(line, queue);
                NoteMemberWrapUp(line, item);
                SetPaused(line, queue, AmiFields.IsTrue(item["Paused"]), item["PausedReason"]);
                if (string.Equals(item["Membership"], "static", StringComparison.OrdinalIgnoreCase))
                {
                    staticMembers.Add(new QueueMembership(queue, line));
                }
            }

            // Join reported every member line in call-centre mode; each one's pause follows.
            var facts = new List<PbxFact>(_facts);
            _facts.Clear();
            foreach (var line in _queuesByLine.Keys.Order(StringComparer.Ordinal))
            {
                facts.Add(new AgentStatusReported(line, PauseStatus(line)));
            }

            foreach (var line in before.Where(l => !_queuesByLine.ContainsKey(l)).Order(StringComparer.Ordinal))
            {
                facts.Add(new CallCentreModeReported(line, false));
                if (pausedBefore.Contains(line))
                {
                    facts.Add(new AgentStatusReported(line, AgentStatus.Available));
                }
            }

            return new QueueResync(facts, staticMembers, queues);
        }
    }
}

/// <summary>What a QueueStatus list said: the facts to report, the members Asterisk holds as static, the queues it has.</summary>
public sealed record QueueResync(IReadOnlyList<PbxFact> Facts, IReadOnlyList<QueueMembership> StaticMembers, IReadOnlyList<string> Queues);

/// <summary>A line's membership of a queue.</summary>
public readonly record struct QueueMembership(string Queue, string Line);
