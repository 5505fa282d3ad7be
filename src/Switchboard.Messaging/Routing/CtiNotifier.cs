using Microsoft.AspNetCore.SignalR;
using Switchboard.Contracts;
using Switchboard.Messaging.Hub;
using Switchboard.Messaging.Mapping;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Routing;

/// <summary>
/// Sends each tracker decision to the clients allowed to see it: a line's changes to its owners'
/// group, PBX link news to everyone, snapshots to each user. The routing table of design.md lives here.
/// </summary>
public sealed class CtiNotifier(
    IHubContext<CtiHub> hub,
    CallTracker tracker,
    ConnectedUsers connectedUsers,
    TimeProvider time)
{
    public Task PublishAsync(TrackerEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var now = time.GetUtcNow();
        return change switch
        {
            CallChanged c => ToLine(c.Call.Line, EventName(c.Kind), ContractMapper.ToDto(c.Call, now), cancellationToken),
            LineOperationsChanged l => ToLine(
                l.LineNumber,
                CtiEvents.LineStateChanged,
                new LineStateChangedEvent(l.LineNumber, l.CallId, ContractMapper.ToDto(l.Operations)),
                cancellationToken),
            AgentStatusChanged a => ToLine(
                a.LineNumber,
                CtiEvents.AgentStateChanged,
                new AgentStateChangedEvent(a.LineNumber, ContractMapper.ToDto(a.Status).State, a.Status.Reason),
                cancellationToken),
            CallCentreModeChanged m => ToLine(
                m.LineNumber,
                CtiEvents.CallCentreStateChanged,
                new CallCentreStateChangedEvent(m.LineNumber, m.Enabled),
                cancellationToken),
            CurrentCallChanged c => ToLine(
                c.LineNumber,
                CtiEvents.CurrentCallChanged,
                new CurrentCallChangedEvent(c.LineNumber, c.CallId),
                cancellationToken),
            DtmfEntered d => ToLine(
                d.Call.Line,
                CtiEvents.DtmfEntered,
                new DtmfEnteredEvent(d.Call.Id, d.Call.Line, d.Digit.ToString()),
                cancellationToken),
            PbxLinkStateChanged { IsUp: false } link => hub.Clients.All.SendAsync(
                CtiEvents.Disconnected,
                new DisconnectedEvent("pbx", link.Reason ?? "The connection to the PBX was lost."),
                cancellationToken),
            CallsResynchronized => SendSnapshotsAsync(cancellationToken),
            RawMessage { LineNumber: { } line } raw => hub.Clients.Group(HubGroups.RawMessages(line))
                .SendAsync(CtiEvents.RawMessage, new RawMessageEvent(line, raw.Text), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    public Task CallSavedAsync(CallSavedEvent saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return ToLine(saved.Line, CtiEvents.CallSaved, saved, cancellationToken);
    }

    private async Task SendSnapshotsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var user in connectedUsers.All())
        {
            await hub.Clients.Group(HubGroups.User(user.Id)).SendAsync(
                CtiEvents.ActiveCallSnapshot,
                SnapshotBuilder.Build(tracker, user.Lines, now),
                cancellationToken);
        }
    }

    private Task ToLine(string line, string eventName, object payload, CancellationToken cancellationToken) =>
        hub.Clients.Group(HubGroups.Line(line)).SendAsync(eventName, payload, cancellationToken);

    private static string EventName(CallChangeKind kind) => kind switch
    {
        CallChangeKind.Started => CtiEvents.CallStarted,
        CallChangeKind.Answered => CtiEvents.CommutationStarted,
        CallChangeKind.Busy => CtiEvents.CallBusy,
        CallChangeKind.Held => CtiEvents.Hold,
        CallChangeKind.Unheld => CtiEvents.Unhold,
        CallChangeKind.InfoChanged or CallChangeKind.PartyChanged => CtiEvents.CallInfoChanged,
        CallChangeKind.Finished => CtiEvents.CallFinished,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown call change."),
    };
}
