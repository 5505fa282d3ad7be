using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>Whisper and barge beside listen, end to end with the simulator: the agent sees who is in the call and how.</summary>
public class SupervisionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_simulator_offers_whisper_and_barge_beside_listen()
    {
        await using var supervisor = await server.ConnectAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));
        var initialized = await supervisor.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);

        Assert.True(initialized.Capabilities.Listen);
        Assert.True(initialized.Capabilities.Whisper);
        Assert.True(initialized.Capabilities.Barge);
    }

    [Fact]
    public async Task A_supervisor_whispers_into_an_agent_s_call_and_the_agent_sees_it_until_the_supervisor_hangs_up()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var supervisor = await server.ConnectAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));
        var (simId, call) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);

        await supervisor.Model.ListenCallAsync(call.Id, SupervisionMode.Whisper);

        var whispering = await supervisor.WaitForCallAsync(CtiEvents.CallStarted, c => c.IsListening);
        Assert.Equal(SupervisionMode.Whisper, whispering.ListenMode);
        var shown = await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision is not null);
        Assert.Equal(new SupervisionDto(SupervisionMode.Whisper, Demo.SupervisorLine), shown.Supervision);

        await supervisor.Model.DropCallAsync(whispering.Id);
        await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision is null);
        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }

    [Fact]
    public async Task A_client_that_sends_the_mode_as_a_name_barges_in_and_one_that_sends_none_listens()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var supervisor = await server.ConnectAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));
        var (simId, call) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);

        // As the TypeScript client sends it: a plain object with the camelCase name of the mode.
        await supervisor.Model.InvokeRawAsync(CtiCommands.ListenCall, [new Dictionary<string, object> { ["callId"] = call.Id, ["mode"] = "barge" }]);
        var barging = await supervisor.WaitForCallAsync(CtiEvents.CallStarted, c => c.IsListening);
        await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision is { Mode: SupervisionMode.Barge });
        await supervisor.Model.DropCallAsync(barging.Id);
        await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision is null);

        await supervisor.Model.ListenCallAsync(call.Id);
        await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Supervision is { Mode: SupervisionMode.Listen });

        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }
}
