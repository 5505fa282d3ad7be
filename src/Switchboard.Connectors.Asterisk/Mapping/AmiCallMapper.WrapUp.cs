using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Mapping;

// Queue wrap-up (app_queue 22): after AgentComplete the member is not offered the queue's calls for its wrap-up
// time, and no event says so at the start or at the end. The time is the member's own Wrapuptime when set
// (QueueMember, QueueMemberStatus...), otherwise the queue's wrapuptime from queues.conf, which AMI never shows:
// it comes from configuration or from queues.conf read at connect (LearnQueueWrapUp).
public sealed partial class AmiCallMapper
{
    // (line, queue) -> the member's own Wrapuptime in seconds, as its last queue event said (0: the queue's).
    private readonly Dictionary<(string Line, string Queue), int> _memberWrapUp = [];
    private readonly Dictionary<string, int> _queueWrapUp = new(StringComparer.Ordinal);

    /// <summary>The queue's own wrapuptime in seconds, as read from the PBX; a configured value goes first.</summary>
    public void LearnQueueWrapUp(string queue, int seconds)
    {
        ArgumentNullException.ThrowIfNull(queue);
        lock (_gate)
        {
            _queueWrapUp[queue] = Math.Max(0, seconds);
        }
    }

    /// <summary>The queue's wrap-up time in seconds as this mapper will use it: configured, else learned, else none.</summary>
    public int QueueWrapUp(string queue)
    {
        lock (_gate)
        {
            return QueueWrapUpSeconds(queue);
        }
    }

    // Manager events, AgentComplete: the caller block, the member's Dest… block, Queue, Interface, Reason.
    private Outcome OnAgentComplete(AmiMessage message)
    {
        var line = MemberLine(message) ?? RealOf(Channel(message, "Dest"))?.Line;
        if (line is null || message["Queue"] is not { } queue)
        {
            return Outcome.Ignored;
        }

        // app_queue: get_wrapuptime() takes the member's own value when it is not zero, then the queue's.
        var seconds = _memberWrapUp.TryGetValue((line, queue), out var own) && own > 0 ? own : QueueWrapUpSeconds(queue);
        if (seconds > 0)
        {
            _facts.Add(new WrapUpReported(line, TimeSpan.FromSeconds(seconds)));
        }

        return Outcome.Used;
    }

    private void NoteMemberWrapUp(string line, AmiMessage message)
    {
        if (AmiFields.GetInt(message, "", "Wrapuptime") is >= 0 and var seconds)
        {
            _memberWrapUp[(line, message["Queue"] ?? "")] = seconds;
        }
    }

    private int QueueWrapUpSeconds(string queue) =>
        _options.QueueWrapUp.TryGetValue(queue, out var configured) ? Math.Max(0, configured)
        : _queueWrapUp.GetValueOrDefault(queue);
}
