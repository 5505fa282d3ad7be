using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;

namespace Switchboard.Connectors.Asterisk.Setup;

/// <summary>
/// After each connection, looks for what a new Asterisk commonly lacks and AMI can tell, and says each problem
/// once, at Warning, with its fix: no attended-transfer feature code (consultation fails), the hold dialplan
/// missing (Redirect hold fails), a queue of <c>Asterisk:Queues</c> that Asterisk does not have, static queue
/// members (leaving call-centre mode fails). A check Asterisk will not answer (no <c>command</c> write
/// permission) is skipped: the refusal of the operation itself will say the same.
/// </summary>
internal sealed partial class AsteriskSetupCheck(AmiConnection ami, AsteriskOptions options, ILogger logger)
{
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);

    public async Task RunAsync(QueueResync queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        CheckQueues(queues);
        if (await CliAsync("features show", cancellationToken) is { } features
            && CliOutput.CurrentFeatureCode(features, "Attended Transfer") is "")
        {
            Say("atxfer", () => LogNoAtxferCode());
        }

        if (options.HoldMethod == AsteriskHoldMethod.Redirect)
        {
            foreach (var exten in new[] { options.HoldMusicExten, options.HoldWaitExten, options.HoldBridgeExten })
            {
                if (await CliAsync($"dialplan show {exten}@{options.HoldContext}", cancellationToken) is { } dialplan
                    && !CliOutput.ExtensionExists(dialplan))
                {
                    Say($"hold:{exten}@{options.HoldContext}", () => LogNoHoldExten(exten, options.HoldContext));
                }
            }
        }
    }

    private void CheckQueues(QueueResync queues)
    {
        foreach (var queue in options.Queues.Where(q => !queues.Queues.Contains(q, StringComparer.Ordinal)))
        {
            Say($"queue:{queue}", () => LogNoQueue(queue));
        }

        foreach (var member in queues.StaticMembers.Where(m => options.Queues.Contains(m.Queue, StringComparer.Ordinal)))
        {
            Say($"static:{member.Queue}:{member.Line}", () => LogStaticMember(member.Line, member.Queue));
        }
    }

    /// <summary>The CLI's output, or null when Asterisk would not run the command (no permission, an old version).</summary>
    private async Task<IReadOnlyList<string>?> CliAsync(string command, CancellationToken cancellationToken)
    {
        var response = await ami.SendActionAsync(new AmiAction("Command").Add("Command", command), cancellationToken);
        var output = CliOutput.Lines(response);
        return output.Count == 0 ? null : output;
    }

    private void Say(string problem, Action log)
    {
        if (_said.Add(problem))
        {
            log();
        }
    }

    [LoggerMessage(1020, LogLevel.Warning, "Asterisk has no attended-transfer feature code, so consultation (Atxfer) will fail: " +
        "add 'atxfer = *2' under [featuremap] in features.conf, dial agents with the t and T options (Dial(PJSIP/101,30,tT)), " +
        "and keep an 'atxferabort' code for cancelling")]
    private partial void LogNoAtxferCode();

    [LoggerMessage(1021, LogLevel.Warning, "Asterisk has no extension {Exten} in context {Context}, which hold (Asterisk:HoldMethod=Redirect) " +
        "uses: add the hold dialplan from the README, or set Asterisk:HoldMethod=Park")]
    private partial void LogNoHoldExten(string exten, string context);

    [LoggerMessage(1022, LogLevel.Warning, "Asterisk has no queue {Queue}, which Asterisk:Queues names: call-centre mode and pause " +
        "there will fail; create it in queues.conf or change Asterisk:Queues")]
    private partial void LogNoQueue(string queue);

    [LoggerMessage(1023, LogLevel.Warning, "Line {Line} is a static member of queue {Queue} (a 'member =>' line in queues.conf): " +
        "Asterisk refuses to take it out of the queue, so leaving call-centre mode fails. Remove the member line and let " +
        "Switchboard add the agent (QueueAdd)")]
    private partial void LogStaticMember(string line, string queue);
}
