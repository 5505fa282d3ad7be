namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>
/// A connection between two ends: the caller and the callee. While a queue call waits, it has no
/// callee; a supervisor's listening call has none either, it follows <see cref="Listened"/>.
/// </summary>
internal sealed class SimCall(string id, string conversationId, long sequence, SimEnd caller)
{
    /// <summary>The sim call's id ("sim-7"), also its id over HTTP and the pbx call id of the line ends created in it.</summary>
    public string Id { get; } = id;

    /// <summary>Shared by all sim calls of one conversation: the id of its first sim call.</summary>
    public string ConversationId { get; } = conversationId;

    public long Sequence { get; } = sequence;

    public SimEnd Caller { get; set; } = caller;

    public SimEnd? Callee { get; set; }

    /// <summary>Set for a call to a queue: members are rung one at a time.</summary>
    public SimQueue? Queue { get; set; }

    /// <summary>How many times a queue call has been offered to a member so far.</summary>
    public int QueueOffers { get; set; }

    /// <summary>The pbx call id of a queue call's next offer: each offer is a leg of its own ("sim-7.1", "sim-7.2").</summary>
    public string NextQueueOfferId() => $"{Id}.{++QueueOffers}";

    /// <summary>Who transferred the call here, passed on to the queue members it rings.</summary>
    public string? RedirectedFrom { get; set; }

    public LineEnd? Listened { get; init; }

    /// <summary>The callee answered (or, for a listening call, the supervisor is in).</summary>
    public bool IsConnected { get; set; }

    public bool IsActive { get; set; } = true;

    public ITimer? RingTimer { get; set; }

    /// <summary>Names the ring in progress, so a timer that fires late for an earlier ring does nothing.</summary>
    public object? Ring { get; set; }

    public bool IsWaitingInQueue => Queue is not null && Callee is null && !IsConnected;

    public IEnumerable<SimEnd> Ends => Callee is null ? [Caller] : [Caller, Callee];

    public SimEnd? Other(SimEnd end) =>
        ReferenceEquals(end, Caller) ? Callee
        : ReferenceEquals(end, Callee) ? Caller
        : null;

    public void StopRinging()
    {
        RingTimer?.Dispose();
        RingTimer = null;
        Ring = null;
    }
}
