using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

public class TransferTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_blind_transfer_rings_agent_b_and_ends_a_as_transferred()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var (simId, first) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);

        await a.Model.BlindTransferCallAsync(first.Id, Demo.LineB);

        var aFinished = await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == first.Id);
        Assert.Equal(CallEndReason.Transferred, aFinished.EndReason);
        Assert.Equal(Demo.LineB, aFinished.RedirectedTo);
        var atB = await b.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);
        Assert.Equal(Demo.LineB, atB.Line);
        Assert.Equal(Demo.LineA, atB.RedirectedFrom);
        Assert.Equal(first.ConversationId, atB.ConversationId);
        Assert.Equal(Demo.KnownCallerName, atB.Contact?.ContactName);

        await b.Model.AnswerCallAsync(atB.Id);
        await b.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == atB.Id);
        await b.Model.DropCallAsync(atB.Id);
        await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == atB.Id);

        var rows = await new CallLogClient(server.Http, (await server.LoginAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor))))
            .FinishedRowsAsync(first.ConversationId, 2);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("line").GetString() == Demo.LineA && r.GetProperty("endReason").GetString() == "transferred");
        Assert.Contains(rows, r => r.GetProperty("line").GetString() == Demo.LineB && r.GetProperty("endReason").GetString() == "completed");
        _ = simId;
    }

    [Fact]
    public async Task A_consultation_completed_joins_the_caller_with_b_and_a_cancelled_one_returns_a_to_the_first_call()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));

        // First: consult B and complete the transfer.
        var (simId, first) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);

        await a.Model.MakeConsultCallAsync(first.Id, Demo.LineB);
        await a.WaitForCallAsync(CtiEvents.Hold, c => c.Id == first.Id);
        var consult = await a.WaitForCallAsync(CtiEvents.CallStarted, c => c.ParentCallId == first.Id);
        Assert.Equal(Demo.LineB, consult.CalleeNumber);
        await a.WaitForAsync<CurrentCallChangedEvent>(CtiEvents.CurrentCallChanged, c => c.CallId == consult.Id);
        var atB = await b.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.LineA);
        await b.Model.AnswerCallAsync(atB.Id);
        await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == consult.Id);
        await a.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == consult.Id && l.Operations.CompleteTransfer);

        await a.Model.TransferCallAsync(consult.Id);

        Assert.Equal(CallEndReason.Transferred, (await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == first.Id)).EndReason);
        Assert.Equal(CallEndReason.Transferred, (await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == consult.Id)).EndReason);
        var joined = await b.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == atB.Id && c.CallerNumber == Demo.KnownCaller);
        Assert.Equal(Demo.LineA, joined.RedirectedFrom);
        Assert.Equal(Demo.KnownCallerName, joined.Contact?.ContactName);
        await server.Simulator.HangUpAsync(await server.Simulator.FindCallWithAsync(Demo.KnownCaller));
        await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == atB.Id);

        var rows = await new CallLogClient(server.Http, await server.LoginAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor)))
            .FinishedRowsAsync(first.ConversationId, 3);
        Assert.Contains(rows, r => r.GetProperty("pbxCallId").GetString() == consult.PbxCallId
            && r.GetProperty("line").GetString() == Demo.LineA
            && r.GetProperty("parentPbxCallId").GetString() == first.PbxCallId);
        _ = simId;

        // Second: consult B and cancel; A is back on the first call.
        a.Clear();
        b.Clear();
        var (secondSim, second) = await server.AnsweredInboundAsync(a, "+74957654321", Demo.LineA);
        await a.Model.MakeConsultCallAsync(second.Id, Demo.LineB);
        var secondConsult = await a.WaitForCallAsync(CtiEvents.CallStarted, c => c.ParentCallId == second.Id);
        await b.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.LineA);

        await a.Model.CancelTransferAsync(secondConsult.Id);

        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == secondConsult.Id);
        await a.WaitForCallAsync(CtiEvents.Unhold, c => c.Id == second.Id && c.State == CallState.Connected);
        await a.WaitForAsync<CurrentCallChangedEvent>(CtiEvents.CurrentCallChanged, c => c.CallId == second.Id);
        // B never answered: from B's side the caller gave up.
        var atBCancelled = await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.CallerNumber == Demo.LineA);
        Assert.Equal(CallEndReason.Abandoned, atBCancelled.EndReason);
        await server.Simulator.HangUpAsync(secondSim);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == second.Id);
    }
}
