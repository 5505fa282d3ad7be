namespace Switchboard.Connectors.Simulator;

/// <summary>Settings of the built-in PBX (configuration section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The extensions (lines) of the simulated PBX.</summary>
    public IList<string> Extensions { get; set; } = ["101", "102", "103", "104"];

    /// <summary>The call queues; agents in call-centre mode are members of every queue.</summary>
    public IList<SimulatorQueueOptions> Queues { get; set; } = [new() { Number = "600", Name = "support" }];

    /// <summary>How long a call rings before the PBX gives up on it.</summary>
    public TimeSpan NoAnswerTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a queue call rings one member before trying the next.</summary>
    public TimeSpan QueueRingTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Where recordings made on request are written; the host sets it to <c>Recordings:Folder</c> when not set here.</summary>
    public string? RecordingsFolder { get; set; }
}

/// <summary>One call queue of the simulated PBX.</summary>
public sealed class SimulatorQueueOptions
{
    /// <summary>The number callers dial to reach the queue.</summary>
    public string Number { get; set; } = "";

    public string Name { get; set; } = "";
}
