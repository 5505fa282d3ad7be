namespace Switchboard.Connectors.Simulator;

/// <summary>How a request of the outside world (a caller, a called number) went.</summary>
public enum SimulatorOutcome
{
    Done,

    /// <summary>The request itself is wrong: a garbage number, an unknown destination.</summary>
    Invalid,

    /// <summary>There is no active sim call with that id.</summary>
    NotFound,

    /// <summary>The request is fine but not possible now, as answering an answered call.</summary>
    Conflict,
}

/// <summary>The outcome of a request of the outside world, with a message a person understands when it failed.</summary>
public sealed record SimulatorResult(SimulatorOutcome Outcome, string? Message = null, string? CallId = null)
{
    public static SimulatorResult Done { get; } = new(SimulatorOutcome.Done);

    public bool Succeeded => Outcome == SimulatorOutcome.Done;

    public static SimulatorResult Placed(string callId) => new(SimulatorOutcome.Done, CallId: callId);

    public static SimulatorResult Invalid(string message) => new(SimulatorOutcome.Invalid, message);

    public static SimulatorResult NotFound(string message) => new(SimulatorOutcome.NotFound, message);

    public static SimulatorResult Conflict(string message) => new(SimulatorOutcome.Conflict, message);
}
