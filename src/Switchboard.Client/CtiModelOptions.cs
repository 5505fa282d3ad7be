namespace Switchboard.Client;

/// <summary>How a <see cref="CtiModel"/> connects.</summary>
public sealed class CtiModelOptions
{
    /// <summary>Ask the server for the PBX's raw messages (<c>rawMessage</c> events).</summary>
    public bool RawMessages { get; set; }

    /// <summary>Waits between reconnection attempts; the last one repeats for as long as it takes.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; set; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];
}
