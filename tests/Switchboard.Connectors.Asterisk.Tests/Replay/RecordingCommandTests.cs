using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>Recording from the panel on Asterisk: MixMonitor and StopMixMonitor on the agent's channel, where the administrator allows it.</summary>
public class RecordingCommandTests
{
    private const string Recording = "asterisk22-pjsip/01-inbound-answered.ami";

    [Fact]
    public async Task Start_and_stop_send_MixMonitor_with_the_configured_name_and_StopMixMonitor_on_the_agents_channel()
    {
        var scenario = RecordedScenario.Load(Recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(
            ami, "PJSIP", "--Telephony:RecordFromPanel=true", "--Asterisk:RecordingFileName=rec/{line}-{pbxCallId}.wav");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var initialized = await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);
        var replay = new Replayer(scenario, ami, session);
        await replay.StreamToAsync(CommandTests.TalkingPoint(scenario));
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        var channel = CommandTests.LineChannelOf(scenario);
        using var http = server.AuthorizedClient(agent.Token);

        Assert.True(initialized.Capabilities.CallRecording);
        await replay.ExpectAsync(
            async () => (await http.PostAsync($"/api/calls/active/{call.Id}/recording/start", null)).EnsureSuccessStatusCode(),
            new RecordedAction(0, $"Action: MixMonitor\r\nChannel: {channel}\r\nFile: rec/101-{call.PbxCallId}.wav\r\nOptions: b\r\n\r\n"));
    }

    [Fact]
    public async Task Without_the_administrators_consent_the_panel_is_told_recording_is_off_and_nothing_is_sent()
    {
        var scenario = RecordedScenario.Load(Recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var initialized = await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);
        await new Replayer(scenario, ami, session).StreamToAsync(CommandTests.TalkingPoint(scenario));
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        using var http = server.AuthorizedClient(agent.Token);

        using var refused = await http.PostAsync($"/api/calls/active/{call.Id}/recording/start", null);

        Assert.False(initialized.Capabilities.CallRecording);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(ami.ReceivedActions, a => a.Name == "MixMonitor");
    }
}
