namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>Where one end of a sim call stands.</summary>
internal enum EndState
{
    /// <summary>Placed the call and waits for the other end to answer.</summary>
    Dialing,

    /// <summary>Is being called and has not answered.</summary>
    Ringing,

    Connected,
    Held,
}

/// <summary>One end of a sim call: a line (an extension) or an outside number.</summary>
internal abstract class SimEnd(string number, EndState state)
{
    /// <summary>The extension, or the outside number as dialled.</summary>
    public string Number { get; } = number;

    public EndState State { get; set; } = state;

    /// <summary>The sim call this end is in now; an end moves to another sim call when it is transferred.</summary>
    public SimCall Call { get; set; } = null!;

    public bool IsActive { get; set; } = true;

    public bool IsAnswered => State is EndState.Connected or EndState.Held;
}

/// <summary>An outside party. It has no key: the PBX reports nothing about it, only about the lines it talks to.</summary>
internal sealed class ExternalEnd(string number, EndState state, string originCallId) : SimEnd(number, state)
{
    /// <summary>The sim call where this party came in or was called: the id that keeps naming it over HTTP.</summary>
    public string OriginCallId { get; } = originCallId;
}
