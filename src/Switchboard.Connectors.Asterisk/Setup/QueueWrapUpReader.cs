using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;

namespace Switchboard.Connectors.Asterisk.Setup;

/// <summary>
/// After each connection, learns every queue's <c>wrapuptime</c> from queues.conf through AMI <c>GetConfig</c>:
/// no event, list or CLI command of Asterisk 22 shows it (<c>queue show</c> neither), and the mapper needs it to
/// report the wrap-up that follows a queue call. Where Asterisk will not show the file (an AMI user without the
/// system or config write permission, realtime queues) only <c>Asterisk:QueueWrapUp</c> tells it.
/// </summary>
internal sealed partial class QueueWrapUpReader(AmiConnection ami, AmiCallMapper mapper, ILogger logger)
{
    private string? _lastSaid;

    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var response = await ami.SendActionAsync(AsteriskActions.GetConfig("queues.conf"), cancellationToken);
        if (QueuesConf.WrapUpTimes(response) is not { } times)
        {
            Once("refused:" + response["Message"], () => LogNotShown(response["Message"] ?? "no reason given"));
            return;
        }

        foreach (var (queue, seconds) in times)
        {
            mapper.LearnQueueWrapUp(queue, seconds);
        }

        var summary = string.Join(", ", times.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{t.Key} {mapper.QueueWrapUp(t.Key)} s"));
        Once("read:" + summary, () => LogWrapUpTimes(summary));
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

    [LoggerMessage(1031, LogLevel.Information, "Asterisk did not show queues.conf ({Reason}): a queue's wrap-up after its calls is known " +
        "only where Asterisk:QueueWrapUp:<queue> sets it (GetConfig needs the system or config write permission in manager.conf)")]
    private partial void LogNotShown(string reason);
}
