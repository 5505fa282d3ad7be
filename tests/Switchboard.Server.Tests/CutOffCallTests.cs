using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>
/// Calls that end while the server is away: after the restart the PBX no longer has them, and their
/// rows, still open in the log, are closed instead of staying "in progress" for ever.
/// </summary>
public class CutOffCallTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_call_that_ended_while_the_server_was_away_is_closed_in_the_log_and_one_still_going_stays_open()
    {
        string endedConversation;
        string goingConversation;
        string endedSimId;
        await using (var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA)))
        {
            var (simId, ended) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);
            endedSimId = simId;
            endedConversation = ended.ConversationId;
            await agent.WaitForAsync<CallSavedEvent>(CtiEvents.CallSaved, s => s.CallId == ended.Id);
        }

        await using (var agent = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB)))
        {
            await server.Simulator.CallAsync("+74957654321", Demo.LineB);
            var ringing = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineB);
            goingConversation = ringing.ConversationId;
            await agent.WaitForAsync<CallSavedEvent>(CtiEvents.CallSaved, s => s.CallId == ringing.Id);
        }

        await server.RestartAsync(whileStopped: pbx => Assert.True(pbx.HangUpAsOutsideParty(endedSimId).Succeeded));

        var admin = new CallLogClient(server.Http, await server.LoginAsync("admin", Demo.PasswordOf("admin")));
        var row = Assert.Single(await admin.FinishedRowsAsync(endedConversation, 1));
        Assert.Equal("completed", row.GetProperty("endReason").GetString());
        Assert.Equal("finished", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("endedAt").GetDateTimeOffset() >= row.GetProperty("answeredAt").GetDateTimeOffset());

        // The call the PBX still has is the tracker's again: its row stays open until it ends.
        var going = Assert.Single(await admin.RowsOfConversationAsync(goingConversation));
        Assert.Equal(JsonValueKind.Null, going.GetProperty("endedAt").ValueKind);
        var goingSimId = await server.Simulator.FindCallWithAsync("+74957654321");
        await server.Simulator.HangUpAsync(goingSimId);
        var abandoned = Assert.Single(await admin.FinishedRowsAsync(goingConversation, 1));
        Assert.Equal("abandoned", abandoned.GetProperty("endReason").GetString());
    }
}
