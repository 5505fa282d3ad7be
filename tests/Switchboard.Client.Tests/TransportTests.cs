using Microsoft.AspNetCore.Http.Connections;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Client.Tests;

/// <summary>
/// Networks that block WebSocket exist: the model works the same over Server-Sent Events and over
/// long polling, with the token in the query string as browsers send it.
/// </summary>
public class TransportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task A_call_rings_is_answered_and_ends_over_a_transport_without_websocket(HttpTransportType transport)
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA), transport: transport);

        var (simId, call) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);
        await agent.Model.HoldCallAsync(call.Id);
        await agent.WaitForCallAsync(CtiEvents.Hold, c => c.Id == call.Id);
        await server.Simulator.HangUpAsync(simId);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);

        Assert.Equal(Demo.KnownCallerName, call.Contact?.ContactName);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
    }
}
