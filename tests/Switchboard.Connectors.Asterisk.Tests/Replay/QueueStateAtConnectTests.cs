using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// After each (re)connection the connector asks QueueStatus as well as CoreShowChannels: an agent who is a queue
/// member, paused or not, is in call-centre mode from the first <c>initialized</c>, not only after a queue event.
/// </summary>
public class QueueStateAtConnectTests
{
    // The QueueMember items of a live Asterisk 22.10.1's answer (refpbx): 101 added by QueueAdd, paused for Lunch;
    // 102 a static member (queues.conf member =>), not paused.
    private const string Paused101 =
        "Event: QueueMember\r\nQueue: support\r\nName: PJSIP/101\r\nLocation: PJSIP/101\r\nStateInterface: PJSIP/101\r\n" +
        "Membership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 1796694020\r\nLoginTime: 1796694020\r\n" +
        "InCall: 0\r\nStatus: 5\r\nPaused: 1\r\nPausedReason: Lunch\r\nWrapuptime: 0\r\n";

    private const string Static102 =
        "Event: QueueMember\r\nQueue: support\r\nName: Agent 102\r\nLocation: PJSIP/102\r\nStateInterface: PJSIP/102\r\n" +
        "Membership: static\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\nLoginTime: 1796693926\r\n" +
        "InCall: 0\r\nStatus: 5\r\nPaused: 0\r\nPausedReason: \r\nWrapuptime: 0\r\n";

    private const string Params =
        "Event: QueueParams\r\nQueue: support\r\nMax: 0\r\nStrategy: ringall\r\nCalls: 0\r\nHoldtime: 0\r\nTalkTime: 0\r\n" +
        "Completed: 0\r\nAbandoned: 0\r\nServiceLevel: 0\r\nServicelevelPerf: 0.0\r\nServicelevelPerf2: 0.0\r\nWeight: 0\r\n";

    [Fact]
    public async Task Queue_members_are_in_call_centre_mode_with_their_pause_from_the_first_initialized_and_after_each_reconnection()
    {
        await using var ami = new FakeAmiServer();
        string[] members = [Params, Paused101, Static102];
        ami.On("QueueStatus", async request =>
        {
            await request.ReplyAsync("Success", "EventList: start\r\nMessage: Queue status will follow\r\n");
            foreach (var item in members)
            {
                await request.Session.SendAsync(item + $"ActionID: {request.ActionId}\r\n\r\n");
            }

            await request.Session.SendAsync(
                $"Event: QueueStatusComplete\r\nActionID: {request.ActionId}\r\nEventList: Complete\r\nListItems: {members.Length}\r\n\r\n");
        });
        var (server, _) = await AsteriskReplayServer.StartAsync(ami, "PJSIP", "--Asterisk:ReconnectMinDelay=00:00:00.050");
        await using var _ = server.AsAsyncDisposable();
        await ami.WaitForActionAsync("QueueStatus", Timeouts.Step);

        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var colleague = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var first = Assert.Single((await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized)).Lines);
        var second = Assert.Single((await colleague.WaitForAsync<InitializedEvent>(CtiEvents.Initialized)).Lines);
        Assert.Equal((true, AgentState.Away, "Lunch"), (first.CallCentreMode, first.AgentState.State, first.AgentState.Reason));
        Assert.Equal((true, AgentState.Available), (second.CallCentreMode, second.AgentState.State));

        // While the link was down, 101 left the queue: the next QueueStatus says so, and the agent hears it.
        members = [Params, Static102];
        ami.DropAll();
        await agent.WaitForAsync<CallCentreStateChangedEvent>(CtiEvents.CallCentreStateChanged, e => e.Line == Demo.LineA && !e.Enabled);
        await agent.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == Demo.LineA && e.State == AgentState.Available);
        Assert.DoesNotContain(colleague.All<CallCentreStateChangedEvent>(CtiEvents.CallCentreStateChanged), e => !e.Enabled);
    }
}
