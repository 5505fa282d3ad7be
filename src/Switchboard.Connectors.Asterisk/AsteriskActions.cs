using System.Globalization;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Telephony.Calls;

namespace Switchboard.Connectors.Asterisk;

/// <summary>
/// The AMI actions each operation sends, written as a real Asterisk expects them (the recordings in
/// shared/fixtures/asterisk-ami show each one). Pure: the connector decides when and on which channel.
/// </summary>
internal static class AsteriskActions
{
    private const string RingTimeoutMs = "30000";

    /// <summary>
    /// Click-to-call: the agent's phone rings first, showing the number it is about to call (without the
    /// outside-line prefix); once answered, the number is dialled from the dial context.
    /// </summary>
    public static AmiAction Originate(string device, string context, string number, string shownNumber, string correlationId) =>
        new AmiAction("Originate")
            .Add("Channel", device)
            .Add("Context", context)
            .Add("Exten", number)
            .Add("Priority", "1")
            .Add("CallerID", $"\"{shownNumber}\" <{shownNumber}>")
            .Add("Timeout", RingTimeoutMs)
            .Add("Async", "true")
            .Add("Variable", "CTI_CALL=" + correlationId);

    public static AmiAction Hangup(string channel) =>
        new AmiAction("Hangup").Add("Channel", channel).Add("Cause", "16");

    /// <summary>Asks a phone that supports it to answer its ringing call (SIP NOTIFY Event: talk).</summary>
    public static AmiAction RemoteAnswer(string technology, string line, string notifyEvent) =>
        string.Equals(technology, "SIP", StringComparison.OrdinalIgnoreCase)
            ? new AmiAction("SIPnotify").Add("Channel", line).Add("Variable", "Event=" + notifyEvent)
            : new AmiAction("PJSIPNotify").Add("Endpoint", line).Add("Variable", "Event=" + notifyEvent);

    /// <summary>Hold by redirect: the far party to music on hold, the agent's channel to a wait extension.</summary>
    public static AmiAction RedirectToHold(string far, string line, AsteriskOptions options) =>
        new AmiAction("Redirect")
            .Add("Channel", far)
            .Add("Context", options.HoldContext)
            .Add("Exten", options.HoldMusicExten)
            .Add("Priority", "1")
            .Add("ExtraChannel", line)
            .Add("ExtraContext", options.HoldContext)
            .Add("ExtraExten", options.HoldWaitExten)
            .Add("ExtraPriority", "1");

    /// <summary>Names the channel the held party is bridged back to.</summary>
    public static AmiAction SetBridgeTarget(string far, string line) =>
        new AmiAction("Setvar").Add("Channel", far).Add("Variable", "BRIDGETO").Add("Value", line);

    /// <summary>Unhold by redirect: the held party goes to the extension that bridges it with BRIDGETO.</summary>
    public static AmiAction RedirectToBridge(string far, AsteriskOptions options) =>
        new AmiAction("Redirect")
            .Add("Channel", far)
            .Add("Context", options.HoldContext)
            .Add("Exten", options.HoldBridgeExten)
            .Add("Priority", "1");

    /// <summary>Hold by parking: the far party waits in the lot; the agent's channel is what a timeout rings back.</summary>
    public static AmiAction Park(string far, string line, string lot) =>
        new AmiAction("Park").Add("Channel", far).Add("TimeoutChannel", line).Add("Parkinglot", lot);

    /// <summary>Unhold after parking: the agent's phone is rung into the parking space.</summary>
    public static AmiAction RetrieveParked(string device, string context, string space) =>
        new AmiAction("Originate")
            .Add("Channel", device)
            .Add("Context", context)
            .Add("Exten", space)
            .Add("Priority", "1")
            .Add("CallerID", $"\"Parked {space}\" <{space}>")
            .Add("Timeout", RingTimeoutMs)
            .Add("Async", "true");

    public static AmiAction BlindTransfer(string lineChannel, string target, string context) =>
        new AmiAction("BlindTransfer").Add("Channel", lineChannel).Add("Exten", target).Add("Context", context);

    /// <summary>Consultation: Asterisk holds the far party and dials the target from the agent's channel.</summary>
    public static AmiAction Atxfer(string lineChannel, string target, string context) =>
        new AmiAction("Atxfer").Add("Channel", lineChannel).Add("Exten", target).Add("Context", context);

    public static AmiAction CancelAtxfer(string lineChannel) =>
        new AmiAction("CancelAtxfer").Add("Channel", lineChannel);

    /// <summary>One digit as if the agent's phone sent it, so it goes to the far end and shows in DTMF events.</summary>
    public static AmiAction PlayDtmf(string lineChannel, char digit) =>
        new AmiAction("PlayDTMF")
            .Add("Channel", lineChannel)
            .Add("Digit", digit.ToString(CultureInfo.InvariantCulture))
            .Add("Receive", "true");

    /// <summary>Records the line's channel, only while it is bridged (option b), into <paramref name="file"/>.</summary>
    public static AmiAction MixMonitor(string lineChannel, string file) =>
        new AmiAction("MixMonitor")
            .Add("Channel", lineChannel)
            .Add("File", file)
            .Add("Options", "b");

    public static AmiAction StopMixMonitor(string lineChannel) =>
        new AmiAction("StopMixMonitor").Add("Channel", lineChannel);

    public static AmiAction MuteAudio(string lineChannel, bool muted) =>
        new AmiAction("MuteAudio")
            .Add("Channel", lineChannel)
            .Add("Direction", "in")
            .Add("State", muted ? "on" : "off");

    /// <summary>Pauses or unpauses the agent in one queue.</summary>
    public static AmiAction QueuePause(string queue, string device, bool paused, string? reason)
    {
        var action = new AmiAction("QueuePause")
            .Add("Queue", queue)
            .Add("Interface", device)
            .Add("Paused", paused ? "true" : "false");
        return reason is null ? action : action.Add("Reason", reason);
    }

    /// <summary>Sets a dialplan function or a global variable: PRESENCE_STATE(...), DEVICE_STATE(...).</summary>
    public static AmiAction Setvar(string variable, string value) =>
        new AmiAction("Setvar").Add("Variable", variable).Add("Value", value);

    public static AmiAction QueueAdd(string queue, string device) =>
        new AmiAction("QueueAdd").Add("Queue", queue).Add("Interface", device);

    public static AmiAction QueueRemove(string queue, string device) =>
        new AmiAction("QueueRemove").Add("Queue", queue).Add("Interface", device);

    /// <summary>
    /// The supervisor's phone rings, then joins the agent's device through ChanSpy: quietly (q, s), listening only,
    /// whispering to the agent (w) or talking to both parties (B), and leaving when the agent's call ends (E: without
    /// it ChanSpy stays, waiting for the device's next call, and the supervisor's call never ended; seen live).
    /// The mapper reads the mode back from these options.
    /// </summary>
    public static AmiAction Listen(string supervisorDevice, string agentDevice, string agentLine, SupervisionMode mode) =>
        new AmiAction("Originate")
            .Add("Channel", supervisorDevice)
            .Add("Application", "ChanSpy")
            .Add("Data", agentDevice + "," + SpyOptions(mode))
            .Add("CallerID", $"\"{CallerIdWord(mode)} {agentLine}\" <{agentLine}>")
            .Add("Timeout", RingTimeoutMs)
            .Add("Async", "true");

    private static string SpyOptions(SupervisionMode mode) => mode switch
    {
        SupervisionMode.Whisper => "qswE",
        SupervisionMode.Barge => "qsBE",
        _ => "qsE",
    };

    private static string CallerIdWord(SupervisionMode mode) => mode switch
    {
        SupervisionMode.Whisper => "Whisper",
        SupervisionMode.Barge => "Barge",
        _ => "Listen",
    };

    public static AmiAction CoreShowChannels() => new("CoreShowChannels");

    public static AmiAction QueueStatus() => new("QueueStatus");

    public static AmiAction PresenceStateList() => new("PresenceStateList");

    /// <summary>One section of a configuration file as Asterisk loads it (templates applied); needs the system or config write permission.</summary>
    public static AmiAction GetConfig(string file, string category) =>
        new AmiAction("GetConfig").Add("Filename", file).Add("Category", category);
}
