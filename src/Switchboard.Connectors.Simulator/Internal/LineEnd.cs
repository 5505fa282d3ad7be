using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>
/// A line's end of a sim call. Its key is fixed where it was created and kept for its whole life,
/// even when a transfer moves it into another sim call. It also remembers the call as its line
/// sees it (direction, numbers), which is what the facts about it report.
/// </summary>
internal sealed class LineEnd(CallKey key, EndState state, bool placedCall, long sequence) : SimEnd(key.Line, state)
{
    public CallKey Key { get; } = key;

    /// <summary>This line is the calling side, as it sees the call.</summary>
    public bool PlacedCall { get; } = placedCall;

    /// <summary>Creation order, so that resync lists calls as they began.</summary>
    public long Sequence { get; } = sequence;

    public required CallDirection Direction { get; set; }
    public required string CallerNumber { get; set; }
    public required string CalleeNumber { get; set; }
    public string? RedirectedFrom { get; set; }
    public string? ParentPbxCallId { get; init; }
    public bool IsListening { get; init; }

    /// <summary>For a supervisor's end: how it joins, and the agent's call it joins.</summary>
    public SupervisionMode SupervisionMode { get; init; }
    public CallKey? Supervises { get; init; }

    public bool Muted { get; set; }

    /// <summary>Being recorded since then (<see cref="RecordingFile"/> is written when it stops).</summary>
    public DateTimeOffset? RecordingSince { get; set; }

    public string? RecordingFile { get; set; }

    /// <summary>For a consultation: the held end on the same line that it was made from.</summary>
    public LineEnd? ConsultedFrom { get; init; }

    /// <summary>When the PBX created this end, and when it was first answered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <param name="forResync">The list of active calls: says how each stands now and how old it is.</param>
    /// <param name="now">The PBX's clock now, for the ages of a resync.</param>
    public CallAppeared ToAppeared(bool forResync, DateTimeOffset now = default) =>
        new(Key, Call.ConversationId, Direction, CallerNumber, null, CalleeNumber)
        {
            Age = forResync ? now - CreatedAt : null,
            AnsweredAge = forResync && IsAnswered && AnsweredAt is { } answered ? now - answered : null,
            ParentPbxCallId = ParentPbxCallId,
            RedirectedFrom = RedirectedFrom,
            IsListening = IsListening,
            SupervisionMode = SupervisionMode,
            SupervisedCall = Supervises,
            AlreadyAnswered = forResync && IsAnswered,
            AlreadyHeld = forResync && State == EndState.Held,
            AlreadyMuted = forResync && Muted,
        };
}
