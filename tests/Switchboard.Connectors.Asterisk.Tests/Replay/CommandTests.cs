using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// The commands the recordings do not show being sent: each goes out as the action Asterisk documents,
/// with the channel of the call it names.
/// </summary>
public class CommandTests
{
    private const string Recording = "asterisk22-pjsip/01-inbound-answered.ami";

    [Fact]
    public async Task Answer_is_offered_and_sent_as_a_notify_only_on_lines_whose_phones_accept_it()
    {
        var scenario = RecordedScenario.Load(Recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP", "--Asterisk:RemoteAnswerLines:0=101");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);

        await replay.StreamToAsync(RingingPoint(scenario));
        var ringing = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);
        Assert.True(ringing.Operations.Answer);
        await replay.ExpectAsync(
            () => agent.Model.AnswerCallAsync(ringing.Id),
            new RecordedAction(0, "Action: PJSIPNotify\r\nEndpoint: 101\r\nVariable: Event=talk\r\n\r\n"));
    }

    [Fact]
    public async Task Answer_is_neither_offered_nor_sent_where_the_phone_cannot_be_answered_remotely()
    {
        var scenario = RecordedScenario.Load(Recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        await new Replayer(scenario, ami, session).StreamToAsync(RingingPoint(scenario));
        var ringing = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);

        Assert.False(ringing.Operations.Answer);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => agent.Model.AnswerCallAsync(ringing.Id));
        Assert.DoesNotContain(ami.ReceivedActions, a => a.Name.Contains("Notify", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Mute_consultation_and_agent_commands_send_their_actions_on_the_call_s_channel()
    {
        var scenario = RecordedScenario.Load(Recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);
        await replay.StreamToAsync(TalkingPoint(scenario));
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        var channel = LineChannelOf(scenario);

        await replay.ExpectAsync(
            () => agent.Model.MuteCallAsync(call.Id),
            new RecordedAction(0, $"Action: MuteAudio\r\nChannel: {channel}\r\nDirection: in\r\nState: on\r\n\r\n"));
        await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Muted);
        await replay.ExpectAsync(
            () => agent.Model.MakeConsultCallAsync(call.Id, Demo.LineB),
            new RecordedAction(0, $"Action: Atxfer\r\nChannel: {channel}\r\nExten: 102\r\nContext: from-internal\r\n\r\n"));
        await replay.ExpectAsync(
            () => agent.Model.SetAgentStateAsync(AgentState.Away, "Lunch"),
            new RecordedAction(0, "Action: QueuePause\r\nQueue: support\r\nInterface: PJSIP/101\r\nPaused: true\r\nReason: Lunch\r\n\r\n"));
        await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, s => s.State == AgentState.Away && s.Reason == "Lunch");
        await replay.ExpectAsync(
            () => agent.Model.SetCallCentreModeAsync(true),
            new RecordedAction(0, "Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/101\r\n\r\n"));
        await agent.WaitForAsync<CallCentreStateChangedEvent>(CtiEvents.CallCentreStateChanged, s => s.Enabled);
    }

    /// <summary>The end of the frame where the agent's phone starts ringing.</summary>
    private static int RingingPoint(RecordedScenario scenario) => FrameEndAfter(scenario, "DialBegin");

    /// <summary>The end of the frame where the caller and the agent are bridged.</summary>
    internal static int TalkingPoint(RecordedScenario scenario) => FrameEndAfter(scenario, "BridgeEnter", occurrence: 2);

    internal static string LineChannelOf(RecordedScenario scenario)
    {
        var text = RecordedAction.Utf8(scenario.Bytes);
        var at = text.IndexOf("Channel: PJSIP/101-", StringComparison.Ordinal) + "Channel: ".Length;
        return text[at..text.IndexOf('\r', at)];
    }

    private static int FrameEndAfter(RecordedScenario scenario, string eventName, int occurrence = 1)
    {
        var text = RecordedAction.Utf8(scenario.Bytes);
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf("Event: " + eventName + "\r\n", at + 1, StringComparison.Ordinal);
        }

        var end = text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal) + 4;
        return System.Text.Encoding.UTF8.GetByteCount(text[..end]);
    }
}
