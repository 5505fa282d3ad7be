namespace Switchboard.Telephony.Tracking;

/// <summary>Settings of the call tracker (configuration section <c>Telephony</c>).</summary>
public sealed class CallTrackerOptions
{
    /// <summary>After-call work time for lines without their own setting; zero means no wrap-up.</summary>
    public TimeSpan WrapUp { get; set; } = TimeSpan.Zero;

    /// <summary>After-call work time per line, overriding <see cref="WrapUp"/>.</summary>
    public Dictionary<string, TimeSpan> WrapUpPerLine { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Agents may start and stop the recording of their calls from the panel, where the PBX can record
    /// (<see cref="Connectors.PbxCapabilities.CallRecording"/>). Off: recordings the PBX makes by itself are still linked.
    /// </summary>
    public bool RecordFromPanel { get; set; }

    public TimeSpan WrapUpFor(string line) => WrapUpPerLine.TryGetValue(line, out var time) ? time : WrapUp;
}
