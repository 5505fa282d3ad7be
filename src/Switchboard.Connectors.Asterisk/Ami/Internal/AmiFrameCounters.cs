namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>Frames skipped, counted across the readers of one connection (one reader per TCP session).</summary>
internal sealed class AmiFrameCounters
{
    public long Malformed;
    public long Oversized;
}
