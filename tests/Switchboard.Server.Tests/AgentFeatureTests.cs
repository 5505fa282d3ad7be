using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

public class AgentFeatureTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Agent_state_changes_are_announced_with_their_reason()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var initialized = await a.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);
        Assert.Contains("Lunch", initialized.AwayReasons);
        Assert.True(initialized.Capabilities.CallCentreMode);

        await a.Model.SetAgentStateAsync(AgentState.Away, "Lunch");
        var away = await a.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, s => s.State == AgentState.Away);
        await a.Model.SetAgentStateAsync(AgentState.Available);
        await a.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, s => s.State == AgentState.Available);

        Assert.Equal("Lunch", away.Reason);
        Assert.Equal(Demo.LineA, away.Line);
    }

    [Fact]
    public async Task An_agent_in_call_centre_mode_gets_queue_calls_and_is_busy_while_talking()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await a.Model.SetCallCentreModeAsync(true);
        await a.WaitForAsync<CallCentreStateChangedEvent>(CtiEvents.CallCentreStateChanged, s => s.Enabled);

        var simId = await server.Simulator.CallAsync("+74957654321", Demo.Queue);
        var call = await a.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == "+74957654321");
        await a.Model.AnswerCallAsync(call.Id);
        await a.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, s => s.State == AgentState.Busy);
        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        await a.Model.SetCallCentreModeAsync(false);

        await a.WaitForAsync<CallCentreStateChangedEvent>(CtiEvents.CallCentreStateChanged, s => !s.Enabled);
        Assert.Equal(Demo.Queue, call.CalleeNumber);
    }

    [Fact]
    public async Task A_supervisor_listens_to_an_agent_s_call_from_the_supervisor_s_line()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var supervisor = await server.ConnectAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));
        var (simId, call) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);

        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => a.Model.ListenCallAsync(call.Id));
        await supervisor.Model.ListenCallAsync(call.Id);

        var listening = await supervisor.WaitForCallAsync(CtiEvents.CallStarted, c => c.IsListening);
        Assert.Equal(Demo.SupervisorLine, listening.Line);
        Assert.Equal(call.ConversationId, listening.ConversationId);
        await server.Simulator.HangUpAsync(simId);
        await supervisor.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == listening.Id);
        Assert.DoesNotContain(a.Events, e => e.Payload is CallDto { IsListening: true });
    }

    [Fact]
    public async Task Raw_pbx_messages_reach_only_users_who_asked_for_them()
    {
        await using var withRaw = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA), rawMessages: true);
        await using var without = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);

        var raw = await withRaw.WaitForAsync<RawMessageEvent>(CtiEvents.RawMessage);
        await server.Simulator.HangUpAsync(simId);
        await without.WaitForCallAsync(CtiEvents.CallFinished, c => c.CallerNumber == Demo.KnownCaller);

        Assert.Equal(Demo.LineA, raw.Line);
        Assert.False(string.IsNullOrWhiteSpace(raw.Text));
        Assert.Empty(without.All<RawMessageEvent>(CtiEvents.RawMessage));
    }

    [Fact]
    public async Task When_the_pbx_link_drops_clients_hear_disconnected_then_get_a_fresh_snapshot()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        var call = await a.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);
        a.Clear();

        await server.Simulator.LinkDownAsync("test");
        var disconnected = await a.WaitForAsync<DisconnectedEvent>(CtiEvents.Disconnected);
        await server.Simulator.LinkUpAsync();
        var snapshot = await a.WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot);

        Assert.Equal("pbx", disconnected.Source);
        Assert.Equal(call.Id, Assert.Single(snapshot.Calls).Id);
        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }
}
