namespace Switchboard.Telephony.Tracking;

/// <summary>Settings of the call tracker (configuration section <c>Telephony</c>).</summary>
public sealed class CallTrackerOptions
{
    /// <summary>After-call work time for lines without their own setting; zero means no wrap-up.</summary>
    public TimeSpan WrapUp { get; set; } = TimeSpan.Zero;

    /// <summary>After-call work time per line, overriding <see cref="WrapUp"/>.</summary>
    public Dictionary<string, TimeSpan> WrapUpPerLine { get; } = new(StringComparer.Ordinal);

    public TimeSpan WrapUpFor(string line) => WrapUpPerLine.TryGetValue(line, out var time) ? time : WrapUp;
}
