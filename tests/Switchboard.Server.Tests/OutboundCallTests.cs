using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

public class OutboundCallTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Click_to_call_reaches_the_number_and_is_logged_as_outgoing()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        await agent.Model.MakeCallAsync(Demo.DialledContact);
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CalleeNumber == Demo.DialledContact);
        Assert.Equal(CallDirection.Outgoing, started.Direction);
        Assert.Equal(Demo.LineA, started.Line);
        Assert.Equal(Demo.DialledContactName, started.Contact?.ContactName);
        Assert.False(started.Operations.Answer);
        Assert.True(started.Operations.Drop);

        var simId = await server.Simulator.FindCallWithAsync(Demo.DialledContact);
        await server.Simulator.AnswerAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == started.Id);
        await agent.Model.DropCallAsync(started.Id);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);

        var row = Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(started.ConversationId, 1));
        Assert.Equal("outgoing", row.GetProperty("direction").GetString());
        Assert.Equal(Demo.DialledContact, row.GetProperty("calleeNumber").GetString());
        Assert.Equal("completed", row.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task A_busy_number_ends_the_call_as_busy()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        await agent.Model.MakeCallAsync("+74957654321");
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CalleeNumber == "+74957654321");
        await server.Simulator.BusyAsync(await server.Simulator.FindCallWithAsync("+74957654321"));

        var busy = await agent.WaitForCallAsync(CtiEvents.CallBusy, c => c.Id == started.Id);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        Assert.Equal(CallState.Busy, busy.State);
        Assert.Equal(CallEndReason.Busy, finished.EndReason);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_ringing_leaves_an_abandoned_call()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);

        await server.Simulator.HangUpAsync(simId);

        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        Assert.Equal(CallEndReason.Abandoned, finished.EndReason);
        Assert.Equal(0, finished.TalkSeconds);
    }
}

public class NoAnswerTests(ShortTimeoutServerFixture server) : IClassFixture<ShortTimeoutServerFixture>
{
    [Fact]
    public async Task An_inbound_call_nobody_answers_ends_as_missed()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);

        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);

        Assert.Equal(CallEndReason.Missed, finished.EndReason);
        var row = Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(started.ConversationId, 1));
        Assert.Equal("missed", row.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task An_outgoing_call_nobody_answers_ends_as_missed()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await agent.Model.MakeCallAsync("+74991234000");
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CalleeNumber == "+74991234000");

        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);

        Assert.Equal(CallEndReason.Missed, finished.EndReason);
    }
}
