namespace Switchboard.Connectors.Asterisk.Mapping;

/// <summary>
/// Which channels are agents' lines (configuration section <c>Asterisk:Mapping</c>).
/// A channel is a line when its name matches <see cref="DevicePattern"/> and the captured <c>line</c>
/// is a known line: one of <see cref="KnownLines"/> when that list is not empty, otherwise any name
/// matching <see cref="LineNamePattern"/>. The default takes numeric extensions of 2 to 6 digits, so
/// <c>SIP/trunk-…</c> and <c>PJSIP/carrier-…</c> are never lines. <c>Local/…</c> channels never are.
/// </summary>
public sealed class AmiMappingOptions
{
    /// <summary>Matches both a channel (<c>PJSIP/101-00000007</c>) and a device (<c>PJSIP/101</c>).</summary>
    public const string DefaultDevicePattern = @"^(?:SIP|PJSIP|IAX2|DAHDI)/(?<line>[^-/@;]+)(?:-[0-9a-fA-F]+)?$";

    public const string DefaultLineNamePattern = "^[0-9]{2,6}$";

    /// <summary>A regular expression over channel and device names with a named group <c>line</c>.</summary>
    public string DevicePattern { get; set; } = DefaultDevicePattern;

    /// <summary>What a line's name looks like when <see cref="KnownLines"/> is empty; also which dialled numbers are internal.</summary>
    public string LineNamePattern { get; set; } = DefaultLineNamePattern;

    /// <summary>When not empty, the only lines: every other device is outside the PBX (a trunk or a carrier).</summary>
    public List<string> KnownLines { get; } = [];

    /// <summary>
    /// Each queue's <c>wrapuptime</c> from queues.conf, in seconds (configuration <c>Asterisk:QueueWrapUp:&lt;queue&gt;</c>):
    /// AMI never tells it, and after a queue call the member is in wrap-up for that long. Wins over what is read at connect.
    /// </summary>
    public Dictionary<string, int> QueueWrapUp { get; } = new(StringComparer.Ordinal);
    /// The dialplan's feature codes for supervision (the prefix before the agent's extension): tell whisper and
    /// barge apart when a supervisor dials them on the phone and the ChanSpy options were not seen. Empty: not used.
    /// </summary>
    public string WhisperCode { get; set; } = "*22";

    public string BargeCode { get; set; } = "*23";

    public string ListenCode { get; set; } = "";
}
