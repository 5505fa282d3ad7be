namespace Switchboard.Telephony.Calls;

/// <summary>
/// One call as one line sees it, frozen at a moment. The call tracker is the only
/// producer of these; everything downstream (hub, call log) reads them.
/// </summary>
public sealed record Call
{
    public required Guid Id { get; init; }
    public required CallKey Key { get; init; }
    public required string ConversationId { get; init; }
    public required CallDirection Direction { get; init; }
    public required string CallerNumber { get; init; }
    public string? CallerName { get; init; }
    public required string CalleeNumber { get; init; }

    /// <summary>Who handed the call to this line (the transferring party), when it was transferred here.</summary>
    public string? RedirectedFrom { get; init; }

    /// <summary>Where the call went when this line transferred it away.</summary>
    public string? RedirectedTo { get; init; }

    public required CallState State { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Hold time of finished hold periods; a hold in progress is added by <see cref="HoldTimeAt"/>.</summary>
    public TimeSpan CompletedHoldTime { get; init; }
    public DateTimeOffset? HeldSince { get; init; }

    public CallEndReason? EndReason { get; init; }

    /// <summary>The held call that this consultation was made from, on the same line.</summary>
    public Guid? ParentCallId { get; init; }
    public string? ParentPbxCallId { get; init; }

    public CallerMatch CallerMatch { get; init; } = CallerMatch.None;
    public string? Comment { get; init; }
    public bool Muted { get; init; }

    /// <summary>The call is being recorded now.</summary>
    public bool Recording { get; init; }

    /// <summary>The call's recording as the PBX named it (a path or a file name); kept after the recording stops.</summary>
    public string? RecordingFile { get; init; }

    /// <summary>A supervisor's call that listens in on another conversation.</summary>
    public bool IsListening { get; init; }

    /// <summary>For a supervisor's call: how it joins, and the agent's call it joins (when the PBX named it).</summary>
    public SupervisionMode SupervisionMode { get; init; }
    public CallKey? SupervisedCall { get; init; }

    /// <summary>For an agent's call: the supervisor in it now, shown to the agent.</summary>
    public CallSupervision? Supervision { get; init; }

    /// <summary>The conference this call is in now, with its members; null outside one.</summary>
    public CallConference? Conference { get; init; }

    public CallOperations Operations { get; init; }

    public string Line => Key.Line;
    public string PbxCallId => Key.PbxCallId;
    public bool IsActive => State != CallState.Finished;

    /// <summary>True when this line placed the call rather than received it.</summary>
    public bool IsPlacedByLine =>
        Direction == CallDirection.Outgoing
        || (Direction == CallDirection.Internal && string.Equals(CallerNumber, Key.Line, StringComparison.Ordinal));

    /// <summary>The number at the other end, the one the CRM looks up.</summary>
    public string RemoteNumber => IsPlacedByLine ? CalleeNumber : CallerNumber;

    public TimeSpan HoldTimeAt(DateTimeOffset now) =>
        CompletedHoldTime + (HeldSince is { } since ? Max(now - since) : TimeSpan.Zero);

    /// <summary>Ringing or dialing time: from start until answered, or until the end for an unanswered call.</summary>
    public TimeSpan TimeBeforeConnectionAt(DateTimeOffset now) => Max((AnsweredAt ?? EndedAt ?? now) - StartedAt);

    public TimeSpan DurationAt(DateTimeOffset now) => Max((EndedAt ?? now) - StartedAt);

    /// <summary>Connected time without hold time; zero for a call that was never answered.</summary>
    public TimeSpan TalkTimeAt(DateTimeOffset now) =>
        AnsweredAt is { } answered ? Max((EndedAt ?? now) - answered - HoldTimeAt(EndedAt ?? now)) : TimeSpan.Zero;

    private static TimeSpan Max(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
