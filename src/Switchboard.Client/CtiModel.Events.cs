using Microsoft.AspNetCore.SignalR.Client;
using Switchboard.Contracts;

namespace Switchboard.Client;

// The server's messages, each raised as the .NET event of the same name.
public sealed partial class CtiModel
{
    public event EventHandler<InitializedEvent>? Initialized;
    public event EventHandler<DisconnectedEvent>? Disconnected;
    public event EventHandler<CallDto>? CallStarted;
    public event EventHandler<CallDto>? CallFinished;
    public event EventHandler<CallDto>? CommutationStarted;
    public event EventHandler<CallDto>? CallBusy;
    public event EventHandler<CallDto>? Hold;
    public event EventHandler<CallDto>? Unhold;
    public event EventHandler<ErrorEvent>? Error;
    public event EventHandler<LineStateChangedEvent>? LineStateChanged;
    public event EventHandler<AgentStateChangedEvent>? AgentStateChanged;
    public event EventHandler<ActiveCallSnapshotEvent>? ActiveCallSnapshot;
    public event EventHandler<CallSavedEvent>? CallSaved;
    public event EventHandler<RawMessageEvent>? RawMessage;
    public event EventHandler<CurrentCallChangedEvent>? CurrentCallChanged;
    public event EventHandler<CallCentreStateChangedEvent>? CallCentreStateChanged;
    public event EventHandler<CallDto>? CallInfoChanged;
    public event EventHandler<DtmfEnteredEvent>? DtmfEntered;

    private void Subscribe()
    {
        On<InitializedEvent>(CtiEvents.Initialized, e => Initialized?.Invoke(this, e));
        On<DisconnectedEvent>(CtiEvents.Disconnected, e => Disconnected?.Invoke(this, e));
        On<CallDto>(CtiEvents.CallStarted, e => CallStarted?.Invoke(this, e));
        On<CallDto>(CtiEvents.CallFinished, e => CallFinished?.Invoke(this, e));
        On<CallDto>(CtiEvents.CommutationStarted, e => CommutationStarted?.Invoke(this, e));
        On<CallDto>(CtiEvents.CallBusy, e => CallBusy?.Invoke(this, e));
        On<CallDto>(CtiEvents.Hold, e => Hold?.Invoke(this, e));
        On<CallDto>(CtiEvents.Unhold, e => Unhold?.Invoke(this, e));
        On<ErrorEvent>(CtiEvents.Error, e => Error?.Invoke(this, e));
        On<LineStateChangedEvent>(CtiEvents.LineStateChanged, e => LineStateChanged?.Invoke(this, e));
        On<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => AgentStateChanged?.Invoke(this, e));
        On<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot, e => ActiveCallSnapshot?.Invoke(this, e));
        On<CallSavedEvent>(CtiEvents.CallSaved, e => CallSaved?.Invoke(this, e));
        On<RawMessageEvent>(CtiEvents.RawMessage, e => RawMessage?.Invoke(this, e));
        On<CurrentCallChangedEvent>(CtiEvents.CurrentCallChanged, e => CurrentCallChanged?.Invoke(this, e));
        On<CallCentreStateChangedEvent>(CtiEvents.CallCentreStateChanged, e => CallCentreStateChanged?.Invoke(this, e));
        On<CallDto>(CtiEvents.CallInfoChanged, e => CallInfoChanged?.Invoke(this, e));
        On<DtmfEnteredEvent>(CtiEvents.DtmfEntered, e => DtmfEntered?.Invoke(this, e));
    }

    private void On<T>(string name, Action<T> raise) => _subscriptions.Add(_connection.On(name, raise));
}
