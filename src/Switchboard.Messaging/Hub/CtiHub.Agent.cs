using Microsoft.AspNetCore.SignalR;
using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Telephony.Agents;

namespace Switchboard.Messaging.Hub;

// Agent state, call-centre mode and supervisor listening.
public sealed partial class CtiHub
{
    [HubMethodName(CtiCommands.SetAgentState)]
    public Task SetAgentState(SetAgentStateRequest? request) => RunAsync(CtiCommands.SetAgentState, null, async ct =>
    {
        var valid = CommandInput.Required(request, CtiCommands.SetAgentState, "{ state, reason?, line? }");
        if (!Enum.IsDefined(valid.State) || !AgentStatus.IsChoosable(ContractMapper.ToDomain(valid.State)))
        {
            throw new CommandRefusedException(
                "invalid_state",
                "An agent may choose available, away, doNotDisturb or offline; busy and wrapUp are set by the system.");
        }

        string? reason = null;
        if (valid.State == Contracts.AgentState.Away && valid.Reason is not null)
        {
            reason = options.Value.AwayReasons.FirstOrDefault(r => string.Equals(r, valid.Reason, StringComparison.OrdinalIgnoreCase))
                ?? throw new CommandRefusedException(
                    "invalid_reason",
                    $"'{valid.Reason}' is not an away reason; choose one of: {string.Join(", ", options.Value.AwayReasons)}.");
        }

        var status = new AgentStatus(ContractMapper.ToDomain(valid.State), reason);
        foreach (var line in OwnLines(valid.Line))
        {
            await connector.SetAgentStatusAsync(line, status, ct);
        }
    });

    [HubMethodName(CtiCommands.SetCallCentreMode)]
    public Task SetCallCentreMode(SetCallCentreModeRequest? request) => RunAsync(CtiCommands.SetCallCentreMode, null, async ct =>
    {
        var valid = CommandInput.Required(request, CtiCommands.SetCallCentreMode, "{ enabled, line? }");
        if (!connector.Capabilities.CallCentreMode)
        {
            throw new CommandRefusedException("not_supported", "This PBX has no call-centre mode.");
        }

        foreach (var line in OwnLines(valid.Line))
        {
            await connector.SetCallCentreModeAsync(line, valid.Enabled, ct);
        }
    });

    /// <summary>
    /// A supervisor listens to, whispers to or barges into another agent's call from the supervisor's own line.
    /// Without a mode it listens, so callers from before the modes keep working.
    /// </summary>
    [HubMethodName(CtiCommands.ListenCall)]
    public Task ListenCall(ListenCallRequest? request) => RunAsync(CtiCommands.ListenCall, request?.CallId, async ct =>
    {
        var valid = CommandInput.Required(request, CtiCommands.ListenCall, "{ callId, mode? }");
        var user = CurrentUser;
        if (!user.CanListen || !connector.Capabilities.Listen)
        {
            throw new CommandRefusedException("forbidden", "Only supervisors may listen to calls.");
        }

        var mode = valid.Mode ?? Contracts.SupervisionMode.Listen;
        if (!Enum.IsDefined(mode))
        {
            throw new CommandRefusedException("invalid_mode", "The mode is listen, whisper or barge.");
        }

        var domainMode = ContractMapper.ByName<Telephony.Calls.SupervisionMode>(mode);
        if (!connector.Capabilities.Offers(domainMode))
        {
            throw new CommandRefusedException("not_supported", $"This PBX cannot let a supervisor {Verb(mode)}; listening is what it offers.");
        }

        var call = tracker.FindCall(CommandInput.CallId(valid.CallId))
            ?? throw new CommandRefusedException("call_not_found", $"There is no active call {valid.CallId}.");
        if (user.Owns(call.Line) || call.IsListening)
        {
            throw new CommandRefusedException("invalid_target", "Listen to another agent's call.");
        }

        if (!user.Watches(call.Line))
        {
            throw new CommandRefusedException("forbidden", "A supervisor listens only to the calls of their own team.");
        }

        await connector.ListenAsync(OwnLine(null), call.Key, domainMode, ct);
    });

    private static string Verb(Contracts.SupervisionMode mode) => mode switch
    {
        Contracts.SupervisionMode.Whisper => "whisper to an agent",
        Contracts.SupervisionMode.Barge => "barge into a call",
        _ => "listen",
    };
}
