using Microsoft.AspNetCore.SignalR;
using Switchboard.Contracts;
using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Hub;

// The call commands of the client contract.
public sealed partial class CtiHub
{
    [HubMethodName(CtiCommands.MakeCall)]
    public Task MakeCall(MakeCallRequest? request) => RunAsync(CtiCommands.MakeCall, null, async ct =>
    {
        var valid = CommandInput.Required(request, CtiCommands.MakeCall, "{ number, line? }");
        var number = CommandInput.Number(valid.Number, "number");
        var line = OwnLine(valid.Line);
        var check = tracker.CheckLine(line, CallOperations.Dial);
        if (!check.IsAllowed)
        {
            throw new CommandRefusedException(check.ErrorCode!, check.Error!);
        }

        await connector.MakeCallAsync(line, number, ct);
    });

    [HubMethodName(CtiCommands.AnswerCall)]
    public Task AnswerCall(CallRequest? request) =>
        OnCall(CtiCommands.AnswerCall, request, CallOperations.Answer, (call, ct) => connector.AnswerAsync(call.Key, ct));

    [HubMethodName(CtiCommands.DropCall)]
    public Task DropCall(CallRequest? request) =>
        OnCall(CtiCommands.DropCall, request, CallOperations.Drop, (call, ct) => connector.DropAsync(call.Key, ct));

    [HubMethodName(CtiCommands.HoldCall)]
    public Task HoldCall(CallRequest? request) =>
        OnCall(CtiCommands.HoldCall, request, CallOperations.Hold, (call, ct) => connector.HoldAsync(call.Key, ct));

    [HubMethodName(CtiCommands.UnholdCall)]
    public Task UnholdCall(CallRequest? request) =>
        OnCall(CtiCommands.UnholdCall, request, CallOperations.Unhold, (call, ct) => connector.UnholdAsync(call.Key, ct));

    [HubMethodName(CtiCommands.MuteCall)]
    public Task MuteCall(CallRequest? request) =>
        OnCall(CtiCommands.MuteCall, request, CallOperations.Mute, (call, ct) => connector.SetMuteAsync(call.Key, true, ct));

    [HubMethodName(CtiCommands.UnmuteCall)]
    public Task UnmuteCall(CallRequest? request) =>
        OnCall(CtiCommands.UnmuteCall, request, CallOperations.Mute, (call, ct) => connector.SetMuteAsync(call.Key, false, ct));

    [HubMethodName(CtiCommands.BlindTransferCall)]
    public Task BlindTransferCall(TransferRequest? request) =>
        ToTarget(CtiCommands.BlindTransferCall, request, CallOperations.BlindTransfer, connector.BlindTransferAsync);

    [HubMethodName(CtiCommands.MakeConsultCall)]
    public Task MakeConsultCall(TransferRequest? request) =>
        ToTarget(CtiCommands.MakeConsultCall, request, CallOperations.MakeConsultCall, connector.MakeConsultCallAsync);

    /// <summary>Completes the consultation; either of its two calls may be named.</summary>
    [HubMethodName(CtiCommands.TransferCall)]
    public Task TransferCall(CallRequest? request) =>
        OnConsultation(CtiCommands.TransferCall, request, CallOperations.CompleteTransfer, connector.CompleteTransferAsync);

    /// <summary>Ends the consultation and takes the held call back; either of its two calls may be named.</summary>
    [HubMethodName(CtiCommands.CancelTransfer)]
    public Task CancelTransfer(CallRequest? request) =>
        OnConsultation(CtiCommands.CancelTransfer, request, CallOperations.CancelTransfer, connector.CancelTransferAsync);

    [HubMethodName(CtiCommands.SendDtmf)]
    public Task SendDtmf(SendDtmfRequest? request) => RunAsync(CtiCommands.SendDtmf, request?.CallId, async ct =>
    {
        var valid = CommandInput.Required(request, CtiCommands.SendDtmf, "{ callId, digits }");
        var digits = CommandInput.Digits(valid.Digits);
        var call = OwnCall(valid.CallId, CallOperations.Dtmf);
        await connector.SendDtmfAsync(call.Key, digits, ct);
    });

    private Task OnCall(string command, CallRequest? request, CallOperations operation, Func<Call, CancellationToken, Task> action) =>
        RunAsync(command, request?.CallId, async ct =>
        {
            var valid = CommandInput.Required(request, command, "{ callId }");
            await action(OwnCall(valid.CallId, operation), ct);
        });

    private Task ToTarget(
        string command,
        TransferRequest? request,
        CallOperations operation,
        Func<CallKey, string, CancellationToken, Task> action) =>
        RunAsync(command, request?.CallId, async ct =>
        {
            var valid = CommandInput.Required(request, command, "{ callId, target }");
            var target = CommandInput.Number(valid.Target, "target");
            var call = OwnCall(valid.CallId, operation);
            if (string.Equals(target, call.Line, StringComparison.Ordinal))
            {
                throw new CommandRefusedException("invalid_target", "A call cannot be transferred to its own line.");
            }

            await action(call.Key, target, ct);
        });

    private Task OnConsultation(
        string command,
        CallRequest? request,
        CallOperations operation,
        Func<CallKey, CallKey, CancellationToken, Task> action) =>
        RunAsync(command, request?.CallId, async ct =>
        {
            var valid = CommandInput.Required(request, command, "{ callId }");
            var named = OwnCall(valid.CallId, operation);
            var pair = tracker.FindConsultationPair(named.Id)
                ?? throw new CommandRefusedException("no_consultation", "The call has no consultation in progress.");
            await action(pair.Held.Key, pair.Consultation.Key, ct);
        });
}
