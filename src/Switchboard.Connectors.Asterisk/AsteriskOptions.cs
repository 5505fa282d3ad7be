namespace Switchboard.Connectors.Asterisk;

/// <summary>How Switchboard works with one Asterisk (configuration section <c>Asterisk</c>).</summary>
public sealed class AsteriskOptions
{
    /// <summary>The channel technology of agents' phones, used to ring them: <c>PJSIP</c> or <c>SIP</c>.</summary>
    public string Technology { get; set; } = "PJSIP";

    /// <summary>The dialplan context where click-to-call, transfers and consultations dial from.</summary>
    public string DialContext { get; set; } = "from-internal";

    /// <summary>The prefix agents dial for an outside line; the agent's phone shows the number without it.</summary>
    public string OutsideLinePrefix { get; set; } = "9";

    /// <summary>How the panel holds a call: <c>Redirect</c> (music on hold, agent waits, bridged back) or <c>Park</c>.</summary>
    public AsteriskHoldMethod HoldMethod { get; set; } = AsteriskHoldMethod.Redirect;

    /// <summary>Redirect hold: the context and extensions of the dialplan snippet in the README.</summary>
    public string HoldContext { get; set; } = "from-internal";

    public string HoldMusicExten { get; set; } = "800";

    public string HoldWaitExten { get; set; } = "801";

    public string HoldBridgeExten { get; set; } = "802";

    /// <summary>Park hold: the parking lot.</summary>
    public string ParkingLot { get; set; } = "default";

    /// <summary>The queues that call-centre mode joins and leaves, and where pause applies.</summary>
    public List<string> Queues { get; } = ["support"];

    /// <summary>Lines whose phones answer on a SIP NOTIFY request (<c>Event: talk</c> on Yealink, Polycom, Snom...); only they get the answer button.</summary>
    public List<string> RemoteAnswerLines { get; } = [];

    /// <summary>The NOTIFY event that asks such a phone to answer.</summary>
    public string RemoteAnswerEvent { get; set; } = "talk";

    /// <summary>
    /// Where an agent state chosen in the panel is also published as the line's presence (<c>{line}</c> is the line):
    /// a <c>CustomPresence:</c> provider, the only kind Asterisk lets AMI set, which a hint
    /// (<c>exten => 101,hint,PJSIP/101,CustomPresence:101</c>) shows on colleagues' phones. Empty: not published.
    /// </summary>
    public string PresenceProvider { get; set; } = "CustomPresence:{line}";

    /// <summary>
    /// A custom device state set to <c>BUSY</c> while the agent is in do-not-disturb and <c>NOT_INUSE</c> otherwise
    /// (<c>Custom:DND{line}</c>, for a hint or a dialplan that checks it). Empty (the default): not set.
    /// </summary>
    public string DndDeviceState { get; set; } = "";

    /// <summary>
    /// The file MixMonitor records into when an agent starts recording from the panel: relative names go to
    /// Asterisk's monitor spool. <c>{line}</c>, <c>{pbxCallId}</c> and <c>{time}</c> (UTC, yyyyMMdd-HHmmss) are filled in.
    /// </summary>
    public string RecordingFileName { get; set; } = "switchboard-{line}-{time}-{pbxCallId}.wav";

    /// <summary>
    /// features.conf's <c>atxferthreeway</c> code (Asterisk's default <c>*3</c>): conferencing a consultation plays it on the
    /// agent's channel, and Asterisk joins the three parties. Empty: conferencing is not offered.
    /// </summary>
    public string ThreeWayCode { get; set; } = "*3";
}

public enum AsteriskHoldMethod
{
    Redirect,
    Park,
}
