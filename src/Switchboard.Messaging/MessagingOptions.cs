namespace Switchboard.Messaging;

/// <summary>Settings of the Messaging Service (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The reasons an agent may give for being away.</summary>
    public List<string> AwayReasons { get; } = ["Lunch", "Break", "Meeting", "Training"];

    /// <summary>How long a PBX command may take before the client is told it failed.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
