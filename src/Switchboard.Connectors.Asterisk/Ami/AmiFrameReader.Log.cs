using Microsoft.Extensions.Logging;

namespace Switchboard.Connectors.Asterisk.Ami;

public sealed partial class AmiFrameReader
{
    // Never the frame's text: a frame may carry a caller's number or a variable's value.
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Skipped a malformed AMI frame ({Reason}, {Bytes} bytes); {Count} malformed frames skipped so far")]
    private partial void LogMalformedFrame(string reason, int bytes, long count);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Skipped an AMI frame of {Bytes} bytes, over the limit of {MaxFrameBytes}; {Count} oversized frames skipped so far")]
    private partial void LogOversizedFrame(long bytes, int maxFrameBytes, long count);
}
