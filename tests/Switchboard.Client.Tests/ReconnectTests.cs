using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Client.Tests;

public class ReconnectTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_model_reconnects_by_itself_after_a_server_restart_and_gets_a_fresh_snapshot()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        agent.Clear();

        await server.RestartAsync();

        var disconnected = await agent.WaitForAsync<DisconnectedEvent>(CtiEvents.Disconnected);
        await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);
        await agent.WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot);
        Assert.Equal("server", disconnected.Source);
        var names = agent.Events.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf(CtiEvents.Initialized) < names.IndexOf(CtiEvents.ActiveCallSnapshot));

        // And it works again: a call rings on the reconnected client.
        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        var call = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);
        await server.Simulator.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }

    [Fact]
    public void Every_server_event_of_the_contract_has_a_dotnet_event_of_the_same_name()
    {
        var serverEvents = typeof(CtiEvents).GetFields()
            .Select(f => (string)f.GetValue(null)!)
            .Where(name => !name.StartsWith("webRtc", StringComparison.Ordinal));
        var modelEvents = typeof(CtiModel).GetEvents().Select(e => JsonNamingPolicyCamel(e.Name)).ToHashSet();

        Assert.All(serverEvents, name => Assert.Contains(name, modelEvents));
    }

    [Fact]
    public void Every_command_of_the_contract_has_an_async_method()
    {
        var commands = typeof(CtiCommands).GetFields()
            .Where(f => f.Name is not (nameof(CtiCommands.HubPath) or nameof(CtiCommands.RawMessagesQueryKey)))
            .Select(f => (string)f.GetValue(null)!);
        var methods = typeof(CtiModel).GetMethods().Select(m => m.Name).ToHashSet();

        Assert.All(commands, command => Assert.Contains(char.ToUpperInvariant(command[0]) + command[1..] + "Async", methods));
    }

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
