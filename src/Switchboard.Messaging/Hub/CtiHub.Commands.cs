using Microsoft.AspNetCore.SignalR;
using Switchboard.Contracts;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Messaging.Hub;

// How every command runs: checked, carried out with a time limit, and on failure answered with an
// `error` message to the caller and a HubException for the awaiting invocation. Nothing is changed
// then. HubInvocationLog logs the refusal, once.
public sealed partial class CtiHub
{
    private async Task RunAsync(string command, Guid? callId, Func<CancellationToken, Task> action)
    {
        string code;
        string message;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Context.ConnectionAborted);
            timeout.CancelAfter(options.Value.CommandTimeout);
            await action(timeout.Token);
            return;
        }
        catch (CommandRefusedException refused)
        {
            (code, message) = (refused.Code, refused.Message);
        }
        catch (PbxCommandException failed)
        {
            (code, message) = ("pbx_refused", failed.Message);
        }
        catch (OperationCanceledException) when (!Context.ConnectionAborted.IsCancellationRequested)
        {
            (code, message) = ("timeout", "The PBX did not answer in time.");
        }

        await Clients.Caller.SendAsync(CtiEvents.Error, new ErrorEvent(code, message, command, callId), Context.ConnectionAborted);
        throw new HubException(message);
    }

    /// <summary>The caller's own active call that allows <paramref name="operation"/> now.</summary>
    private Call OwnCall(Guid callId, CallOperations operation)
    {
        var call = tracker.FindCall(CommandInput.CallId(callId))
            ?? throw new CommandRefusedException("call_not_found", $"There is no active call {callId}.");
        if (!CurrentUser.Owns(call.Line))
        {
            throw new CommandRefusedException("forbidden", "You can only control calls on your own lines.");
        }

        var check = tracker.CheckCall(callId, operation);
        return check.IsAllowed ? check.Call! : throw new CommandRefusedException(check.ErrorCode!, check.Error!);
    }

    /// <summary>The named line if the caller owns it, else the caller's first line.</summary>
    private string OwnLine(string? line)
    {
        var user = CurrentUser;
        if (line is not null)
        {
            return user.Owns(line) ? line : throw new CommandRefusedException("forbidden", $"Line {line} is not yours.");
        }

        return user.Lines.Count > 0
            ? user.Lines[0]
            : throw new CommandRefusedException("no_line", "You have no line to act on.");
    }

    private IReadOnlyList<string> OwnLines(string? line) => line is null && CurrentUser.Lines.Count > 0
        ? CurrentUser.Lines
        : [OwnLine(line)];
}
