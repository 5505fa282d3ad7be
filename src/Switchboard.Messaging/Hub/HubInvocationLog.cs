using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Switchboard.Messaging.Hub;

/// <summary>
/// The one log line of a hub command that did not go through. A refusal (a command the user may
/// not give, or not now, or with arguments that make no sense) is the client's business: one
/// Information line without a stack. Anything else is a fault of ours: one Error line with its
/// stack. SignalR's dispatcher would log every one of them at Error with the stack; its log is
/// silenced for that reason (<see cref="MessagingServiceCollectionExtensions"/>).
/// </summary>
internal sealed partial class HubInvocationLog(ILogger<HubInvocationLog> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            LogRefused(CommandOf(invocationContext), UserOf(invocationContext), refused.Message);
            throw;
        }
        catch (CommandRefusedException refused)
        {
            // Refused outside the hub's own command runner: the client still deserves the reason,
            // which SignalR passes on only from a HubException.
            LogRefused(CommandOf(invocationContext), UserOf(invocationContext), refused.Message);
            throw new HubException(refused.Message, refused);
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogAbandoned(CommandOf(invocationContext), UserOf(invocationContext));
            throw;
        }
        catch (Exception error)
        {
            LogFailed(error, CommandOf(invocationContext), UserOf(invocationContext));
            throw;
        }
    }

    // The command's name in the client contract ("holdCall"), which SignalR gives as the C# method's name.
    private static string CommandOf(HubInvocationContext context) =>
        context.HubMethod.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? context.HubMethodName;

    private static string UserOf(HubInvocationContext context) => context.Context.User?.Identity?.Name ?? "(unknown)";

    [LoggerMessage(1, LogLevel.Information, "Command {Command} of user {Login} refused: {Reason}")]
    private partial void LogRefused(string command, string login, string reason);

    [LoggerMessage(2, LogLevel.Debug, "Command {Command} of user {Login} abandoned: the connection closed")]
    private partial void LogAbandoned(string command, string login);

    [LoggerMessage(3, LogLevel.Error, "Command {Command} of user {Login} failed")]
    private partial void LogFailed(Exception error, string command, string login);
}
