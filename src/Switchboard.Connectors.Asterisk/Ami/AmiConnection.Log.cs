using Microsoft.Extensions.Logging;

namespace Switchboard.Connectors.Asterisk.Ami;

// Never the secret, the MD5 key or an action's text: only names, addresses, ActionIDs and counts.
public sealed partial class AmiConnection
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Connecting to AMI at {Host}:{Port}")]
    private partial void LogConnecting(string host, int port);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Debug, Message = "Connecting to AMI at {Host}:{Port} again")]
    private partial void LogConnectingAgain(string host, int port);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "AMI link {State} (was {Previous}): {Reason}")]
    private partial void LogStateChanged(AmiConnectionState state, AmiConnectionState previous, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Logged in to AMI at {Host}:{Port} as {Username} ({Banner})")]
    private partial void LogLoggedIn(string host, int port, string username, string banner);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "AMI link to {Host}:{Port} lost")]
    private partial void LogLinkLost(string host, int port, Exception error);

    // Debug: while Asterisk stays away, each attempt's one line at Warning is its failure (1012).
    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "AMI reconnection attempt {Attempt} in {DelayMs:0} ms")]
    private partial void LogReconnecting(int attempt, double delayMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "AMI connection attempt {Attempt} failed")]
    private partial void LogConnectFailed(int attempt, Exception error);

    // The stack was logged with the outage's first failure (1004 or 1006); a retry says only why.
    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "AMI connection attempt {Attempt} failed: {Reason}")]
    private partial void LogRetryFailed(int attempt, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Asterisk at {Host}:{Port} refused the login of {Username}; not retrying")]
    private partial void LogLoginRefused(string username, string host, int port, Exception error);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "AMI action {Action} (ActionID {ActionId}) got no answer within {TimeoutMs:0} ms")]
    private partial void LogActionTimedOut(string action, string actionId, double timeoutMs);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "AMI Ping got no answer within {TimeoutMs:0} ms, but data still arrives; keeping the link")]
    private partial void LogPingUnanswered(double timeoutMs);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Dropped an AMI response that answers no pending action (ActionID {ActionId})")]
    private partial void LogUnmatchedResponse(string actionId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Skipped an AMI frame with neither Event nor Response ({Bytes} bytes); {Count} skipped so far")]
    private partial void LogUnclassifiedFrame(long bytes, long count);
}
