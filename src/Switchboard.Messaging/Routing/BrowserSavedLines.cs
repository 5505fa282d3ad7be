using System.Collections.Frozen;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.Routing;

/// <summary>
/// The lines whose calls the browser saves: those of users whose phone style is <c>webPhone</c>. The PBX
/// link may see them too (on Asterisk a web phone is a PJSIP endpoint like a desk phone), but one line has
/// one writer (design.md): the pump neither saves nor announces their calls, which still reach the tracker
/// for supervisors. Read again every <see cref="MessagingOptions.SessionCheckInterval"/>, and at once when
/// this process hears of a change of users (<see cref="Nudge"/>).
/// </summary>
public sealed partial class BrowserSavedLines(
    IWebPhoneLineReader reader,
    IOptions<MessagingOptions> options,
    ILogger<BrowserSavedLines> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private volatile FrozenSet<string> _lines = FrozenSet<string>.Empty;
    private bool _failing;

    /// <summary>Completes once the lines were asked for the first time, whether the CRM answered or not.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    public bool Contains(string line) => _lines.Contains(line);

    /// <summary>Asks the CRM again now: a user's lines or phone style may have changed.</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadAsync(stoppingToken);
            _firstAttempt.TrySetResult();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(options.Value.SessionCheckInterval);
            try
            {
                await _nudges.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval has passed without a nudge: the regular round.
            }
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lines = await reader.ListAsync(cancellationToken);
            _lines = lines.ToFrozenSet(StringComparer.Ordinal);
            if (_failing)
            {
                _failing = false;
                LogReadAgain(lines.Count);
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // The lines stay as last read; before the first answer, none is known and the PBX link's
            // saves go on (a web-phone call could be logged twice, which is better than not at all).
            if (!_failing)
            {
                _failing = true;
                LogReadFailed(error.Message);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "The lines of web-phone users could not be read; the last known stay in force until the CRM answers: {Reason}")]
    private partial void LogReadFailed(string reason);

    [LoggerMessage(2, LogLevel.Information, "The lines of web-phone users are known again ({Count})")]
    private partial void LogReadAgain(int count);
}
