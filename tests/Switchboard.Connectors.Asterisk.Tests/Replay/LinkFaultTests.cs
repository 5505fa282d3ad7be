using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

public class LinkFaultTests
{
    [Fact]
    public async Task A_call_that_ends_while_the_link_is_down_is_finished_and_logged_once_after_the_resync()
    {
        var scenario = RecordedScenario.Load("01-inbound-answered.ami");
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "SIP", "--Asterisk:ReconnectMinDelay=00:00:00.050");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        // Up to the answer, then the link dies; the caller hangs up while Switchboard cannot see it.
        var answeredAt = scenario.Bytes.Length * 2 / 3;
        await new Replayer(scenario, ami, session).StreamToAsync(FrameEndBefore(scenario, answeredAt));
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        ami.DropAll();

        var disconnected = await agent.WaitForAsync<DisconnectedEvent>(CtiEvents.Disconnected);
        await ami.WaitForLoginAsync(Timeouts.Step);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        var snapshot = await agent.WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot, s => s.Calls.Count == 0);

        Assert.Equal("pbx", disconnected.Source);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
        Assert.Empty(snapshot.Calls);
        var rows = await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(call.ConversationId, 1);
        Assert.Single(rows);
    }

    [Fact]
    public async Task Commands_while_the_link_is_down_are_refused_with_a_clear_error()
    {
        var scenario = RecordedScenario.Load("01-inbound-answered.ami");
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "SIP", "--Asterisk:ReconnectMinDelay=00:00:30");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await new Replayer(scenario, ami, session).StreamToAsync(FrameEndBefore(scenario, scenario.Bytes.Length * 2 / 3));
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);

        ami.DropAll();
        await agent.WaitForAsync<DisconnectedEvent>(CtiEvents.Disconnected);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => agent.Model.HoldCallAsync(call.Id));

        Assert.Contains("down", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Garbage_an_oversized_frame_and_unknown_events_in_the_stream_lose_no_call()
    {
        var scenario = RecordedScenario.Load("asterisk22-pjsip/01-inbound-answered.ami");
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);
        var middle = FrameEndBefore(scenario, scenario.Bytes.Length / 2);

        await replay.StreamToAsync(middle);
        await session.SendAsync(System.Text.Encoding.UTF8.GetBytes("Event: SomethingNewInAsterisk42\r\nChannel: PJSIP/101-00000099\r\n\r\n"));
        await session.SendAsync(new byte[] { 0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0x80, 0x81, 0x0D, 0x0A, 0x0D, 0x0A });
        await session.SendAsync(System.Text.Encoding.ASCII.GetBytes("Event: Newchannel\r\nPadding: " + new string('x', 1024 * 1024) + "\r\n\r\n"));
        await replay.StreamToEndAsync();

        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
        Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(started.ConversationId, 1));
        Assert.DoesNotContain(agent.Events, e => e.Name == CtiEvents.Disconnected);
    }

    [Fact]
    public async Task An_action_asterisk_never_answers_fails_with_a_clear_error_and_the_call_goes_on()
    {
        var scenario = RecordedScenario.Load("01-inbound-answered.ami");
        await using var ami = new FakeAmiServer();
        ami.NeverAnswer("Redirect");
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "SIP", "--Asterisk:ActionTimeout=00:00:01");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);
        await replay.StreamToAsync(FrameEndBefore(scenario, scenario.Bytes.Length * 2 / 3));
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => agent.Model.HoldCallAsync(call.Id));
        await replay.StreamToEndAsync();

        Assert.Contains("in time", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CallEndReason.Completed, (await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id)).EndReason);
    }

    [Fact]
    public async Task The_simulator_s_endpoints_do_not_exist_when_asterisk_is_the_pbx()
    {
        await using var ami = new FakeAmiServer();
        var (server, _) = await AsteriskReplayServer.StartAsync(ami, "SIP");
        await using var _ = server.AsAsyncDisposable();

        var response = await server.Http.PostAsync("/api/simulator/calls", System.Net.Http.Json.JsonContent.Create(new { from = "+74951234567", to = "101" }));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The end of the last whole frame before <paramref name="offset"/>, so the link dies between frames.</summary>
    private static int FrameEndBefore(RecordedScenario scenario, int offset)
    {
        var text = System.Text.Encoding.UTF8.GetString(scenario.Bytes, 0, offset);
        return System.Text.Encoding.UTF8.GetByteCount(text[..(text.LastIndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)]);
    }
}
