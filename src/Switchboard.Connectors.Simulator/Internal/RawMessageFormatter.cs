using System.Text;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator.Internal;

/// <summary>
/// Renders a fact about a line as header lines in the manner of an AMI event, so that users who
/// ask for the PBX's raw messages see something like what a real PBX sends.
/// </summary>
internal static class RawMessageFormatter
{
    /// <summary>The raw message that goes with <paramref name="fact"/>, or null for facts about no line.</summary>
    public static RawPbxMessage? Format(PbxFact fact) => fact switch
    {
        CallAppeared f => Call("CallAppeared", f.Key,
            ("ConversationId", f.ConversationId),
            ("Direction", f.Direction.ToString()),
            ("CallerNumber", f.CallerNumber),
            ("CalleeNumber", f.CalleeNumber),
            ("ParentPbxCallId", f.ParentPbxCallId),
            ("RedirectedFrom", f.RedirectedFrom),
            ("Listening", f.IsListening ? "yes" : null),
            ("AlreadyAnswered", f.AlreadyAnswered ? "yes" : null)),
        CallAnswered f => Call("CallAnswered", f.Key),
        CallHeld f => Call("CallHeld", f.Key),
        CallUnheld f => Call("CallUnheld", f.Key),
        CallRemoteBusy f => Call("CallRemoteBusy", f.Key),
        CallMuteChanged f => Call("CallMuteChanged", f.Key, ("Muted", f.Muted ? "yes" : "no")),
        CallPartyChanged f => Call("CallPartyChanged", f.Key,
            ("CallerNumber", f.CallerNumber),
            ("CalleeNumber", f.CalleeNumber),
            ("Direction", f.Direction?.ToString()),
            ("RedirectedFrom", f.RedirectedFrom)),
        CallEnded f => Call("CallEnded", f.Key,
            ("Cause", f.Cause.ToString()),
            ("Side", f.Side.ToString()),
            ("TransferTarget", f.TransferTarget)),
        DtmfSeen f => Call("DtmfSeen", f.Key, ("Digit", f.Digit.ToString())),
        AgentStatusReported f => Line("AgentStatus", f.Line, ("Status", f.Status.State.ToString()), ("Reason", f.Status.Reason)),
        CallCentreModeReported f => Line("CallCentreMode", f.Line, ("Enabled", f.Enabled ? "yes" : "no")),
        _ => null,
    };

    private static RawPbxMessage Call(string name, CallKey key, params (string Name, string? Value)[] headers) =>
        new(key.Line, Render(name, [("PbxCallId", key.PbxCallId), ("Line", key.Line), .. headers]));

    private static RawPbxMessage Line(string name, string line, params (string Name, string? Value)[] headers) =>
        new(line, Render(name, [("Line", line), .. headers]));

    private static string Render(string name, (string Name, string? Value)[] headers)
    {
        var text = new StringBuilder().Append("Event: ").Append(name).Append("\r\n");
        foreach (var (header, value) in headers)
        {
            if (value is not null)
            {
                text.Append(header).Append(": ").Append(value).Append("\r\n");
            }
        }

        return text.ToString();
    }
}
