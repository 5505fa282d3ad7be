using Microsoft.AspNetCore.SignalR.Client;
using Switchboard.Contracts;

namespace Switchboard.Client;

// The commands of the client contract. A refused command throws HubException with the server's reason.
public sealed partial class CtiModel
{
    public Task MakeCallAsync(string number, string? line = null, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.MakeCall, new MakeCallRequest(number, line), cancellationToken);

    public Task AnswerCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.AnswerCall, callId, cancellationToken);

    public Task DropCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.DropCall, callId, cancellationToken);

    public Task HoldCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.HoldCall, callId, cancellationToken);

    public Task UnholdCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.UnholdCall, callId, cancellationToken);

    public Task BlindTransferCallAsync(Guid callId, string target, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.BlindTransferCall, new TransferRequest(callId, target), cancellationToken);

    public Task MakeConsultCallAsync(Guid callId, string target, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.MakeConsultCall, new TransferRequest(callId, target), cancellationToken);

    /// <summary>Completes the consultation made from (or being) <paramref name="callId"/>.</summary>
    public Task TransferCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.TransferCall, callId, cancellationToken);

    public Task CancelTransferAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.CancelTransfer, callId, cancellationToken);

    public Task SendDtmfAsync(Guid callId, string digits, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.SendDtmf, new SendDtmfRequest(callId, digits), cancellationToken);

    public Task MuteCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.MuteCall, callId, cancellationToken);

    public Task UnmuteCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.UnmuteCall, callId, cancellationToken);

    public Task SetAgentStateAsync(AgentState state, string? reason = null, string? line = null, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.SetAgentState, new SetAgentStateRequest(state, reason, line), cancellationToken);

    public Task SetCallCentreModeAsync(bool enabled, string? line = null, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.SetCallCentreMode, new SetCallCentreModeRequest(enabled, line), cancellationToken);

    /// <summary>Supervisors: listen in on another agent's call.</summary>
    public Task ListenCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCall(CtiCommands.ListenCall, callId, cancellationToken);

    /// <summary>Supervisors: listen, whisper to the agent or barge in, as the capabilities of <c>initialized</c> allow.</summary>
    public Task ListenCallAsync(Guid callId, SupervisionMode mode, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(CtiCommands.ListenCall, new ListenCallRequest(callId, mode), cancellationToken);

    public Task<ActiveCallSnapshotEvent> GetActiveCallsAsync(CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<ActiveCallSnapshotEvent>(CtiCommands.GetActiveCalls, cancellationToken);

    /// <summary>Sends any hub method with raw arguments; for tools and tests of the server's input checks.</summary>
    public Task InvokeRawAsync(string command, object?[] arguments, CancellationToken cancellationToken = default) =>
        _connection.InvokeCoreAsync(command, arguments, cancellationToken);

    private Task OnCall(string command, Guid callId, CancellationToken cancellationToken) =>
        _connection.InvokeAsync(command, new CallRequest(callId), cancellationToken);
}
