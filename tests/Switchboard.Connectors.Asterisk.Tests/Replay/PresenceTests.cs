using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// Agent state both ways between the panel and Asterisk (recording 19's events): a state chosen in the panel is
/// the queue pause and the line's presence, and what Asterisk reports back keeps the state and its reason.
/// </summary>
public class PresenceTests
{
    [Fact]
    public async Task A_state_chosen_in_the_panel_is_published_as_presence_and_its_echo_does_not_change_it()
    {
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP", "--Asterisk:DndDeviceState=Custom:DND{line}");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var colleague = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));

        await agent.Model.SetAgentStateAsync(AgentState.DoNotDisturb);
        Assert.Equal(
            ["QueuePause support true Do not disturb", "Setvar PRESENCE_STATE(CustomPresence:101) dnd,,Do not disturb",
                "Setvar DEVICE_STATE(Custom:DND101) BUSY"],
            await ActionsAsync(ami, 3));
        // As Asterisk answers them: the pause first (away, with the reason it was paused for), then the presence.
        await EchoAsync(session, colleague, 1, Pause(paused: true, "Do not disturb") + Presence("dnd", "Do not disturb"));

        await agent.Model.SetAgentStateAsync(AgentState.Away, "Lunch");
        Assert.Equal(
            ["QueuePause support true Lunch", "Setvar PRESENCE_STATE(CustomPresence:101) away,,Lunch",
                "Setvar DEVICE_STATE(Custom:DND101) NOT_INUSE"],
            await ActionsAsync(ami, 6));
        await EchoAsync(session, colleague, 2, Pause(paused: true, "Lunch") + Presence("away", "Lunch"));

        await agent.Model.SetAgentStateAsync(AgentState.Available);
        Assert.Equal(
            ["QueuePause support false ", "Setvar PRESENCE_STATE(CustomPresence:101) available,,",
                "Setvar DEVICE_STATE(Custom:DND101) NOT_INUSE"],
            await ActionsAsync(ami, 9));
        await EchoAsync(session, colleague, 3, Pause(paused: false, "") + Presence("available", ""));
        // A presence set on the phone's side afterwards shows as it is.
        await session.SendAsync(Presence("dnd", "In a meeting"));

        await agent.WaitForAsync<AgentStateChangedEvent>(
            CtiEvents.AgentStateChanged, e => e.State == AgentState.DoNotDisturb && e.Reason == "In a meeting");
        var states = agent.All<AgentStateChangedEvent>(CtiEvents.AgentStateChanged).Where(e => e.Line == Demo.LineA)
            .Select(e => (e.State, e.Reason));
        Assert.Equal(
            [(AgentState.DoNotDisturb, null), (AgentState.Away, "Lunch"), (AgentState.Available, null),
                (AgentState.DoNotDisturb, "In a meeting")],
            states);
    }

    [Fact]
    public async Task A_presence_Asterisk_holds_when_the_link_comes_up_is_the_agents_state_from_the_first_initialized()
    {
        await using var ami = new FakeAmiServer();
        ami.On("PresenceStateList", async request =>
        {
            await request.ReplyAsync("Success", "EventList: start\r\nMessage: Presence State Changes will follow\r\n");
            // As Asterisk 22 lists them (recording 19): the list's ActionID in each item.
            foreach (var (line, status, message) in new[] { ("101", "dnd", "In a meeting"), ("102", "available", "") })
            {
                await request.Session.SendAsync(
                    $"Event: PresenceStateChange\r\nActionID: {request.ActionId}\r\nPresentity: CustomPresence:{line}\r\n" +
                    $"Status: {status}\r\nSubtype: \r\nMessage: {message}\r\n\r\n");
            }

            await request.Session.SendAsync(
                $"Event: PresenceStateListComplete\r\nActionID: {request.ActionId}\r\nEventList: Complete\r\nListItems: 2\r\n\r\n");
        });
        var (server, _) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        // The setup check's first CLI command comes after the presences have been handled.
        await ami.WaitForActionAsync("Command", Timeouts.Step);

        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var colleague = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));

        var first = Assert.Single((await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized)).Lines);
        var second = Assert.Single((await colleague.WaitForAsync<InitializedEvent>(CtiEvents.Initialized)).Lines);
        Assert.Equal((AgentState.DoNotDisturb, "In a meeting"), (first.AgentState.State, first.AgentState.Reason));
        Assert.Equal(AgentState.Available, second.AgentState.State);
    }

    [Theory]
    [InlineData(Telephony.Agents.AgentState.Available, null, "available,,")]
    [InlineData(Telephony.Agents.AgentState.DoNotDisturb, null, "dnd,,Do not disturb")]
    [InlineData(Telephony.Agents.AgentState.Away, null, "away,,Away")]
    [InlineData(Telephony.Agents.AgentState.Away, "Обед", "away,,Обед")]
    [InlineData(Telephony.Agents.AgentState.Away, "Lunch, then a meeting", "away,,THVuY2gsIHRoZW4gYSBtZWV0aW5n,e")]
    [InlineData(Telephony.Agents.AgentState.Offline, null, "unavailable,,Offline")]
    public void The_presence_value_says_the_state_and_its_reason_and_hides_a_comma_in_base64(
        Telephony.Agents.AgentState state, string? reason, string expected) =>
        Assert.Equal(expected, AsteriskConnector.PresenceValue(new Telephony.Agents.AgentStatus(state, reason)));

    [Fact]
    public async Task Pause_and_presence_set_on_Asterisks_side_reach_the_panel_with_their_reasons()
    {
        var scenario = RecordedScenario.Load("asterisk22-features/19-pause-presence.ami");
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        await new Replayer(scenario, ami, session).StreamToEndAsync();

        await agent.WaitForAsync<AgentStateChangedEvent>(
            CtiEvents.AgentStateChanged, e => e.State == AgentState.DoNotDisturb && e.Reason == "Do not disturb");
        await agent.WaitForAsync<AgentStateChangedEvent>(
            CtiEvents.AgentStateChanged, e => e.State == AgentState.Available && agent.All<AgentStateChangedEvent>(CtiEvents.AgentStateChanged)
                .Any(d => d.State == AgentState.DoNotDisturb));
        var states = agent.All<AgentStateChangedEvent>(CtiEvents.AgentStateChanged).Where(e => e.Line == Demo.LineA)
            .Select(e => (e.State, e.Reason));
        Assert.Equal(
            [(AgentState.Away, "Lunch break"), (AgentState.Available, null), (AgentState.DoNotDisturb, "Do not disturb"),
                (AgentState.Available, null)],
            states);
    }

    /// <summary>
    /// Sends Asterisk's answer to a choice, then a presence of the colleague's line, and waits for the colleague to
    /// hear it: events are handled in order, so the answer has been handled too, before the next choice is made.
    /// </summary>
    private static async Task EchoAsync(FakeAmiSession session, AgentSession colleague, int round, string events)
    {
        await session.SendAsync(events + Presence("away", $"Round {round}", "102"));
        await colleague.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Reason == $"Round {round}");
    }

    private static async Task<IReadOnlyList<string>> ActionsAsync(FakeAmiServer ami, int count)
    {
        await ami.WaitForActionAsync("Setvar", Timeouts.Step, count - (count / 3));
        return [.. ami.ReceivedActions.Where(a => a.Name is "QueuePause" or "Setvar").Skip(count - 3)
            .Select(a => a.Name == "QueuePause"
                ? $"QueuePause {a["Queue"]} {a["Paused"]} {a["Reason"]}"
                : $"Setvar {a["Variable"]} {a["Value"]}")];
    }

    // The events of a live Asterisk 22.10.1 (recording 19), for line 101.
    private static string Pause(bool paused, string reason) =>
        "Event: QueueMemberPause\r\nPrivilege: agent,all\r\nQueue: support\r\nMemberName: Agent 101\r\nInterface: PJSIP/101\r\n" +
        "StateInterface: PJSIP/101\r\nMembership: dynamic\r\nPenalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 1795891487\r\n" +
        $"LoginTime: 1795891393\r\nInCall: 0\r\nStatus: 1\r\nPaused: {(paused ? 1 : 0)}\r\nPausedReason: {reason}\r\nRinginuse: 0\r\nWrapuptime: 0\r\n\r\n";

    private static string Presence(string status, string message, string line = "101") =>
        $"Event: PresenceStateChange\r\nPrivilege: call,all\r\nPresentity: CustomPresence:{line}\r\nStatus: {status}\r\nSubtype: \r\nMessage: {message}\r\n\r\n";
}
