using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tracking;

/// <summary>A decision of the call tracker, addressed to the owners of <see cref="Line"/> (or to everyone when null).</summary>
public abstract record TrackerEvent(string? Line);

/// <summary>Something happened to a call; <see cref="Kind"/> says what.</summary>
public sealed record CallChanged(CallChangeKind Kind, Call Call) : TrackerEvent(Call.Line);

public enum CallChangeKind
{
    Started,
    Answered,
    Busy,
    Held,
    Unheld,
    InfoChanged,

    /// <summary>The far end is someone else now (a transfer joined the line with another party).</summary>
    PartyChanged,
    Finished,
}

public sealed record LineOperationsChanged(string LineNumber, Guid? CallId, CallOperations Operations) : TrackerEvent(LineNumber);

public sealed record AgentStatusChanged(string LineNumber, AgentStatus Status) : TrackerEvent(LineNumber);

public sealed record CallCentreModeChanged(string LineNumber, bool Enabled) : TrackerEvent(LineNumber);

public sealed record CurrentCallChanged(string LineNumber, Guid? CallId) : TrackerEvent(LineNumber);

public sealed record DtmfEntered(Call Call, char Digit) : TrackerEvent(Call.Line);

/// <summary>Wrap-up began on a line; the pump tells the tracker when it is over.</summary>
public sealed record WrapUpStarted(string LineNumber, DateTimeOffset Until) : TrackerEvent(LineNumber);

/// <summary>The PBX link changed; every connected user hears of it.</summary>
public sealed record PbxLinkStateChanged(bool IsUp, string? Reason) : TrackerEvent((string?)null);

/// <summary>After a resync: every connected user gets a fresh snapshot of their lines.</summary>
public sealed record CallsResynchronized() : TrackerEvent((string?)null);

public sealed record RawMessage(string? LineNumber, string Text) : TrackerEvent(LineNumber);
