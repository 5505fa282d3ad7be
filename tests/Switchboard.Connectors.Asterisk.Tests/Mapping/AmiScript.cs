using System.Globalization;
using System.Text;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>A channel in a scripted AMI stream, with the block Asterisk writes for it in every event.</summary>
internal sealed class ScriptChannel(string name, string uniqueid, string linkedid, string number, string context, string exten)
{
    public string Name { get; } = name;
    public string Uniqueid { get; } = uniqueid;
    public string Linkedid { get; set; } = linkedid;
    public string Number { get; set; } = number;
    public string Context { get; set; } = context;
    public string Exten { get; set; } = exten;
    public string Connected { get; set; } = "<unknown>";
    public int State { get; set; }

    public void WriteBlock(StringBuilder frame, string prefix)
    {
        Line(frame, prefix + "Channel", Name);
        Line(frame, prefix + "ChannelState", State.ToString(CultureInfo.InvariantCulture));
        Line(frame, prefix + "CallerIDNum", Number);
        Line(frame, prefix + "CallerIDName", "<unknown>");
        Line(frame, prefix + "ConnectedLineNum", Connected);
        Line(frame, prefix + "Context", Context);
        Line(frame, prefix + "Exten", Exten);
        Line(frame, prefix + "Uniqueid", Uniqueid);
        Line(frame, prefix + "Linkedid", Linkedid);
    }

    internal static void Line(StringBuilder frame, string key, string value) =>
        frame.Append(key).Append(": ").Append(value).Append("\r\n");
}

/// <summary>
/// Writes AMI event streams for situations the recordings do not show, in the shapes and order Asterisk
/// uses (main/manager_channels.c, manager_bridges.c, bridge_basic.c, app_queue.c), for the mapper to replay.
/// </summary>
internal sealed class AmiScript
{
    private int _nextId;

    public List<AmiMessage> Frames { get; } = [];

    public ScriptChannel Trunk(string caller = CallAssert.Caller, string did = "101") =>
        Channel("PJSIP/trunk", caller, "from-trunk", did, linkedTo: null);

    public ScriptChannel Phone(string line, ScriptChannel? linkedTo, string exten = "s") =>
        Channel("PJSIP/" + line, line, "from-internal", exten, linkedTo);

    public ScriptChannel Carrier(ScriptChannel linkedTo) =>
        Channel("PJSIP/carrier", "<unknown>", "from-trunk", "s", linkedTo);

    /// <summary>The two halves of a Local channel pair to <paramref name="exten"/>.</summary>
    public (ScriptChannel One, ScriptChannel Two) Local(string exten, string context, ScriptChannel? linkedTo)
    {
        var id = NextId();
        var baseName = $"Local/{exten}@{context}-{id:x8}";
        var one = new ScriptChannel(baseName + ";1", Uid(id), linkedTo?.Linkedid ?? Uid(id), "<unknown>", context, exten);
        var two = new ScriptChannel(baseName + ";2", Uid(NextId()), one.Linkedid, "<unknown>", context, exten);
        return (one, two);
    }

    public AmiScript Newchannel(ScriptChannel channel, int state = 0)
    {
        channel.State = state;
        return Event("Newchannel", channel);
    }

    public AmiScript Newstate(ScriptChannel channel, int state)
    {
        channel.State = state;
        return Event("Newstate", channel);
    }

    public AmiScript Newexten(ScriptChannel channel, string exten, string application, string data = "")
    {
        channel.Exten = exten;
        return Event("Newexten", channel, ("Extension", exten), ("Application", application), ("AppData", data));
    }

    public AmiScript NewCallerid(ScriptChannel channel, string number)
    {
        channel.Number = number;
        return Event("NewCallerid", channel);
    }

    public AmiScript DialBegin(ScriptChannel? caller, ScriptChannel dest, string dialString) =>
        Pair("DialBegin", caller, dest, ("DialString", dialString));

    public AmiScript DialEnd(ScriptChannel? caller, ScriptChannel dest, string status) =>
        Pair("DialEnd", caller, dest, ("DialStatus", status));

    public AmiScript Answer(ScriptChannel? caller, ScriptChannel dest) =>
        Newstate(dest, 5).Newstate(dest, 6).DialEnd(caller, dest, "ANSWER");

    public AmiScript BridgeEnter(ScriptChannel channel, string bridge, string type = "basic") =>
        Event("BridgeEnter", channel, ("BridgeUniqueid", bridge), ("BridgeType", type), ("BridgeTechnology", "simple_bridge"));

    public AmiScript BridgeLeave(ScriptChannel channel, string bridge, string type = "basic") =>
        Event("BridgeLeave", channel, ("BridgeUniqueid", bridge), ("BridgeType", type), ("BridgeTechnology", "simple_bridge"));

    public AmiScript Bridge(string bridge, params ScriptChannel[] channels)
    {
        Raw("BridgeCreate", ("BridgeUniqueid", bridge), ("BridgeType", "basic"), ("BridgeTechnology", "simple_bridge"));
        foreach (var channel in channels)
        {
            BridgeEnter(channel, bridge);
        }

        return this;
    }

    public AmiScript HangupRequest(ScriptChannel channel) => Event("HangupRequest", channel, ("Cause", "16"));

    public AmiScript SoftHangupRequest(ScriptChannel channel) => Event("SoftHangupRequest", channel, ("Cause", "16"));

    public AmiScript Hangup(ScriptChannel channel, int cause = 16) =>
        Event("Hangup", channel, ("Cause", cause.ToString(CultureInfo.InvariantCulture)), ("Cause-txt", "scripted"));

    public AmiScript Event(string name, ScriptChannel channel, params (string Key, string Value)[] fields)
    {
        var frame = new StringBuilder();
        ScriptChannel.Line(frame, "Event", name);
        ScriptChannel.Line(frame, "Privilege", "call,all");
        channel.WriteBlock(frame, "");
        foreach (var (key, value) in fields)
        {
            ScriptChannel.Line(frame, key, value);
        }

        Frames.Add(AmiMessage.Parse(frame.ToString()));
        return this;
    }

    /// <summary>An event with a plain channel block and other prefixed blocks (Dest, Target, Transferee...).</summary>
    public AmiScript Blocks(string name, ScriptChannel? plain, (string Prefix, ScriptChannel Channel)[] blocks, params (string Key, string Value)[] fields)
    {
        var frame = new StringBuilder();
        ScriptChannel.Line(frame, "Event", name);
        plain?.WriteBlock(frame, "");
        foreach (var (prefix, channel) in blocks)
        {
            channel.WriteBlock(frame, prefix);
        }

        foreach (var (key, value) in fields)
        {
            ScriptChannel.Line(frame, key, value);
        }

        Frames.Add(AmiMessage.Parse(frame.ToString()));
        return this;
    }

    public AmiScript Raw(string name, params (string Key, string Value)[] fields)
    {
        var frame = new StringBuilder();
        ScriptChannel.Line(frame, "Event", name);
        foreach (var (key, value) in fields)
        {
            ScriptChannel.Line(frame, key, value);
        }

        Frames.Add(AmiMessage.Parse(frame.ToString()));
        return this;
    }

    private AmiScript Pair(string name, ScriptChannel? caller, ScriptChannel dest, params (string Key, string Value)[] fields) =>
        Blocks(name, caller, [("Dest", dest)], fields);

    private ScriptChannel Channel(string device, string number, string context, string exten, ScriptChannel? linkedTo)
    {
        var id = NextId();
        return new ScriptChannel($"{device}-{id:x8}", Uid(id), linkedTo?.Linkedid ?? Uid(id), number, context, exten);
    }

    private int NextId() => ++_nextId;

    private static string Uid(int id) => "1800000000." + id.ToString(CultureInfo.InvariantCulture);
}
