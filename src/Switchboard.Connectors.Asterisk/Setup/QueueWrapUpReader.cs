using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;

namespace Switchboard.Connectors.Asterisk.Setup;

/// <summary>
/// After each connection, learns each queue's <c>wrapuptime</c> from queues.conf through AMI <c>GetConfig</c>:
/// no event, list or CLI command of Asterisk 22 shows it (<c>queue show</c> neither), and the mapper needs it to
/// report the wrap-up that follows a queue call. Where Asterisk will not show the file (an AMI user without the
/// system or config write permission, realtime queues) only <c>Asterisk:QueueWrapUp</c> tells it. One action per
/// queue, with <c>Category</c>: the whole file in one answer could pass the AMI frame limit (64 KiB) and be lost.
/// </summary>
internal sealed partial class QueueWrapUpReader(AmiConnection ami, AmiCallMapper mapper, ILogger logger)
{
    private string? _lastSaid;

    /// <summary>Reads the wrap-up time of each queue that QueueStatus listed, one queue per action to keep each answer small.</summary>
    public async Task ReadAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var read = new List<string>();
        foreach (var queue in queues.Distinct(StringComparer.Ordinal))
        {
            AmiMessage response;
            try
            {
                response = await ami.SendActionAsync(AsteriskActions.GetConfig("queues.conf", queue), cancellationToken);
            }
            catch (AmiActionTimeoutException)
            {
                // A queue missing from the file (realtime) is answered with a bare "No categories found" line, which
                // is no AMI frame and is skipped: the answer never comes. The other queues would wait as long.
                Once("unanswered:" + queue, () => LogNotAnswered(queue));
                return;
            }

            if (QueuesConf.WrapUpTimes(response) is not { } times)
            {
                // A refusal is the same for every queue: the permission, or no queues.conf at all.
                Once("refused:" + response["Message"], () => LogNotShown(response["Message"] ?? "no reason given"));
                return;
            }

            if (times.TryGetValue(queue, out var seconds))
            {
                mapper.LearnQueueWrapUp(queue, seconds);
                read.Add($"{queue} {mapper.QueueWrapUp(queue)} s");
            }
        }

        Once("read:" + string.Join(", ", read), () => LogWrapUpTimes(read.Count == 0 ? "none in queues.conf" : string.Join(", ", read)));
    }

    // One line per change, not one per reconnection.
    private void Once(string what, Action log)
    {
        if (!string.Equals(_lastSaid, what, StringComparison.Ordinal))
        {
            _lastSaid = what;
            log();
        }
    }

    [LoggerMessage(1030, LogLevel.Information, "Queue wrap-up times (queues.conf, or Asterisk:QueueWrapUp where set): {Times}")]
    private partial void LogWrapUpTimes(string times);

    [LoggerMessage(1033, LogLevel.Information, "Asterisk did not answer GetConfig for queue {Queue} in queues.conf (a realtime " +
        "queue?): set Asterisk:QueueWrapUp:<queue> for the wrap-up of queues not in the file")]
    private partial void LogNotAnswered(string queue);

    [LoggerMessage(1031, LogLevel.Information, "Asterisk did not show queues.conf ({Reason}): a queue's wrap-up after its calls is known " +
        "only where Asterisk:QueueWrapUp:<queue> sets it (GetConfig needs the system or config write permission in manager.conf)")]
    private partial void LogNotShown(string reason);
}
