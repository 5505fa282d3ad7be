using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Telephony.Agents;

namespace Switchboard.Connectors.Asterisk;

// The agent state chosen in the panel, published where phones and the dialplan see it: the line's presence
// (func_presencestate: PRESENCE_STATE(CustomPresence:101) = "dnd,,Do not disturb") and, when configured, a custom
// device state for do-not-disturb. The PresenceStateChange that comes back is the same state (AgentStateBook).
public sealed partial class AsteriskConnector
{
    private int _presenceRefusalSaid;

    private async Task PublishPresenceAsync(string line, AgentStatus status, CancellationToken cancellationToken)
    {
        if (_options.PresenceProvider is { Length: > 0 } provider)
        {
            await SetOrSayAsync($"PRESENCE_STATE({provider.Replace("{line}", line, StringComparison.Ordinal)})", PresenceValue(status), cancellationToken);
        }

        if (_options.DndDeviceState is { Length: > 0 } device)
        {
            var value = status.State == AgentState.DoNotDisturb ? "BUSY" : "NOT_INUSE";
            await SetOrSayAsync($"DEVICE_STATE({device.Replace("{line}", line, StringComparison.Ordinal)})", value, cancellationToken);
        }
    }

    /// <summary>PRESENCE_STATE's value, <c>state,subtype,message[,options]</c>: a message with a comma goes base64 (option e).</summary>
    internal static string PresenceValue(AgentStatus status)
    {
        var state = status.State switch
        {
            AgentState.Available => "available",
            AgentState.DoNotDisturb => "dnd",
            AgentState.Offline => "unavailable",
            _ => "away",
        };
        if (status.State == AgentState.Available)
        {
            return "available,,";
        }

        var message = AgentStateBook.ReasonFor(status);
        return message.Contains(',', StringComparison.Ordinal)
            ? $"{state},,{Convert.ToBase64String(Encoding.UTF8.GetBytes(message))},e"
            : $"{state},,{message}";
    }

    // The state stays the agent's choice even where Asterisk will not publish it (no func_presencestate, a provider
    // that is not CustomPresence:): said once, as the fix is the administrator's.
    private async Task SetOrSayAsync(string variable, string value, CancellationToken cancellationToken)
    {
        var response = await _ami.SendActionAsync(AsteriskActions.Setvar(variable, value), cancellationToken);
        if (string.Equals(response.Response, "Error", StringComparison.OrdinalIgnoreCase)
            && Interlocked.Exchange(ref _presenceRefusalSaid, 1) == 0)
        {
            LogPresenceRefused(variable, response["Message"] ?? "no reason given");
        }
    }

    [LoggerMessage(1032, LogLevel.Warning, "Asterisk refused to set {Variable} ({Reason}): the agent state still applies in " +
        "Switchboard and to the queues, but phones do not see it; check Asterisk:PresenceProvider (a CustomPresence: " +
        "provider, or empty) and Asterisk:DndDeviceState")]
    private partial void LogPresenceRefused(string variable, string reason);
}
