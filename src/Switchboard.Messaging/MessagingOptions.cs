namespace Switchboard.Messaging;

/// <summary>Settings of the Messaging Service (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The reasons an agent may give for being away.</summary>
    public List<string> AwayReasons { get; } = ["Lunch", "Break", "Meeting", "Training"];

    /// <summary>How long a PBX command may take before the client is told it failed.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The folder of the durable outbox, where every save waits until the CRM confirmed it; relative
    /// to the working folder. One process per folder: a second one is refused at start.
    /// </summary>
    public string OutboxPath { get; set; } = "outbox";

    /// <summary>The longest wait between two tries while the CRM does not answer.</summary>
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every open hub connection's session is judged again (user removed, disabled or
    /// changed, logged out, lines changed). Changes made through this process are acted on at once;
    /// this bounds the rest: changes on another CRM node, and in role messaging the CRM's answers.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
