using System.Net.Http.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

public class InboundCallTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task An_inbound_call_from_a_known_contact_is_worked_to_the_end_and_logged_once()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);
        Assert.Equal(CallDirection.Incoming, started.Direction);
        Assert.Equal(CallState.Alerting, started.State);
        Assert.Equal(Demo.KnownCallerName, started.Contact?.ContactName);
        Assert.Equal(Demo.KnownCallerAccount, started.Contact?.AccountName);
        Assert.True(started.Operations.Answer);
        Assert.False(started.Operations.Hold);

        await agent.Model.AnswerCallAsync(started.Id);
        var connected = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == started.Id);
        Assert.Equal(CallState.Connected, connected.State);
        await agent.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == started.Id && l.Operations.Hold);

        await agent.Model.HoldCallAsync(started.Id);
        await agent.WaitForCallAsync(CtiEvents.Hold, c => c.Id == started.Id && c.State == CallState.Held);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await agent.Model.UnholdCallAsync(started.Id);
        await agent.WaitForCallAsync(CtiEvents.Unhold, c => c.Id == started.Id && c.State == CallState.Connected);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await server.Simulator.HangUpAsync(simId);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
        Assert.True(finished.HoldSeconds >= 1);

        var log = new CallLogClient(server.Http, agent.Token);
        var row = Assert.Single(await log.FinishedRowsAsync(started.ConversationId, 1));
        Assert.Equal(started.PbxCallId, row.GetProperty("pbxCallId").GetString());
        Assert.Equal("incoming", row.GetProperty("direction").GetString());
        Assert.Equal("completed", row.GetProperty("endReason").GetString());
        Assert.Equal(started.Contact!.ContactId, row.GetProperty("contactId").GetGuid());
        Assert.Equal(started.Contact.AccountId, row.GetProperty("accountId").GetGuid());
        Assert.True(row.GetProperty("answeredAt").GetDateTimeOffset() >= row.GetProperty("startedAt").GetDateTimeOffset());
        Assert.True(row.GetProperty("endedAt").GetDateTimeOffset() > row.GetProperty("answeredAt").GetDateTimeOffset());
        Assert.True(row.GetProperty("holdSeconds").GetInt32() >= 1);
        Assert.True(row.GetProperty("talkSeconds").GetInt32() >= 1);
        Assert.True(row.GetProperty("durationSeconds").GetInt32() >= row.GetProperty("talkSeconds").GetInt32() + row.GetProperty("holdSeconds").GetInt32());

        // Started, answered, held, unheld, finished: saves of one row, each confirmed save announced with
        // its id, the last after the call finished. (A state that a newer one superseded in the outbox
        // before it went out is not saved on its own.)
        var saved = await WaitForSaveAfterFinishAsync(agent, started.Id);
        Assert.All(saved, s => Assert.Equal(row.GetProperty("id").GetGuid(), s.RecordId));
    }

    [Fact]
    public async Task A_client_that_connects_mid_call_gets_the_call_in_its_snapshot()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var (simId, started) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);

        await using var secondTab = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        var initialized = await secondTab.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);
        var snapshot = await secondTab.WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot);
        Assert.Equal(CtiEvents.Initialized, secondTab.Events[0].Name);
        Assert.Equal(Demo.LineA, initialized.Line);
        Assert.Equal(Demo.AgentA, initialized.User.Login);
        Assert.True(initialized.PbxConnected);
        var call = Assert.Single(snapshot.Calls);
        Assert.Equal(started.Id, call.Id);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Contains(snapshot.CurrentCalls, c => c.Line == Demo.LineA && c.CallId == started.Id);
        Assert.Equal(started.Id, Assert.Single((await secondTab.Model.GetActiveCallsAsync()).Calls).Id);

        await secondTab.Model.DropCallAsync(started.Id);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        await secondTab.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        _ = simId;
    }

    [Fact]
    public async Task Linking_an_active_call_to_a_contact_announces_call_info_changed_and_keeps_the_link()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var (simId, call) = await server.AnsweredInboundAsync(agent, Demo.UnknownCaller, Demo.LineA);
        var saved = await agent.WaitForAsync<CallSavedEvent>(CtiEvents.CallSaved, s => s.CallId == call.Id);
        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/contacts/lookup?number={Uri.EscapeDataString(Demo.KnownCaller)}");
        lookup.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", agent.Token);
        var candidates = await (await server.Http.SendAsync(lookup)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var contactId = candidates.EnumerateArray().First().GetProperty("contactId").GetGuid();

        using var link = new HttpRequestMessage(HttpMethod.Put, $"/api/calls/{saved.RecordId}/link") { Content = JsonContent.Create(new { contactId }) };
        link.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", agent.Token);
        (await server.Http.SendAsync(link)).EnsureSuccessStatusCode();

        var changed = await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Contact?.ContactId == contactId);
        Assert.Equal(Demo.KnownCallerName, changed.Contact?.ContactName);
        await server.Simulator.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        var row = Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(call.ConversationId, 1));
        Assert.Equal(contactId, row.GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task Dtmf_sent_by_the_agent_arrives_as_dtmf_entered()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var simId = await server.Simulator.CallAsync(Demo.UnknownCaller, Demo.LineA);
        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.UnknownCaller);
        Assert.Null(started.Contact);
        await agent.Model.AnswerCallAsync(started.Id);
        await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == started.Id);

        await agent.Model.SendDtmfAsync(started.Id, "12#");

        var digits = new List<string>();
        foreach (var expected in new[] { "1", "2", "#" })
        {
            var dtmf = await agent.WaitForAsync<DtmfEnteredEvent>(CtiEvents.DtmfEntered, d => d.CallId == started.Id && d.Digit == expected);
            digits.Add(dtmf.Digit);
        }

        Assert.Equal(["1", "2", "#"], agent.All<DtmfEnteredEvent>(CtiEvents.DtmfEntered).Where(d => d.CallId == started.Id).Select(d => d.Digit));
        await server.Simulator.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
    }

    // Every callSaved of the call, once one has arrived after its callFinished.
    private static async Task<IReadOnlyList<CallSavedEvent>> WaitForSaveAfterFinishAsync(AgentSession agent, Guid callId)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            var events = agent.Events;
            var finishedAt = events.ToList().FindIndex(e => e.Payload is CallDto { } c && c.Id == callId && e.Name == CtiEvents.CallFinished);
            if (finishedAt >= 0 && events.Skip(finishedAt).Any(e => e.Payload is CallSavedEvent { } s && s.CallId == callId))
            {
                return [.. agent.All<CallSavedEvent>(CtiEvents.CallSaved).Where(s => s.CallId == callId)];
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
