using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// Real Asterisk traffic through the whole system: the recordings are streamed over TCP to the real
/// connector in a real host, agents are real SignalR clients, and the commands they give must go out
/// as the AMI actions the recordings show.
/// </summary>
public class ReplayTests
{
    public static TheoryData<string, string> Inbound => new()
    {
        { "01-inbound-answered.ami", "SIP" },
        { "asterisk22-pjsip/01-inbound-answered.ami", "PJSIP" },
    };

    public static TheoryData<string, string> ClickToCall => new()
    {
        { "02-click-to-call.ami", "SIP" },
        { "asterisk22-pjsip/05-click-to-call.ami", "PJSIP" },
    };

    public static TheoryData<string, string> BlindTransfer => new()
    {
        { "06-blind-transfer.ami", "SIP" },
        { "asterisk22-pjsip/07a-blind-transfer.ami", "PJSIP" },
    };

    public static TheoryData<string, string> ParkHold => new()
    {
        { "08b-hold-park.ami", "SIP" },
        { "asterisk22-pjsip/06b-hold-park.ami", "PJSIP" },
    };

    public static TheoryData<string, string> RedirectHold => new()
    {
        { "08c-hold-redirect-moh.ami", "SIP" },
        { "asterisk22-pjsip/06c-hold-redirect-moh.ami", "PJSIP" },
    };

    public static TheoryData<string, string> Listen => new()
    {
        { "14-chanspy-listen.ami", "SIP" },
        { "asterisk22-pjsip/14-chanspy-listen.ami", "PJSIP" },
    };

    [Theory]
    [MemberData(nameof(Inbound))]
    public async Task An_inbound_call_pops_up_with_the_contact_and_is_logged_completed(string recording, string technology)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, technology);
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        await new Replayer(scenario, ami, session).StreamToEndAsync();

        var started = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);
        Assert.Equal(CallDirection.Incoming, started.Direction);
        Assert.Equal(Demo.KnownCaller, started.CallerNumber);
        Assert.Equal(Demo.KnownCallerName, started.Contact?.ContactName);
        Assert.Equal(Demo.KnownCallerAccount, started.Contact?.AccountName);
        await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == started.Id);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == started.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
        var row = Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(started.ConversationId, 1));
        Assert.Equal("completed", row.GetProperty("endReason").GetString());
        Assert.Equal("incoming", row.GetProperty("direction").GetString());
    }

    [Theory]
    [MemberData(nameof(ClickToCall))]
    public async Task Click_to_call_originates_from_the_agent_s_phone_and_hangs_up_from_the_panel(string recording, string technology)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, technology);
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);

        var originate = scenario.Action("Originate");
        await replay.StreamToAsync(originate);
        await replay.ExpectAsync(originate, () => agent.Model.MakeCallAsync(Demo.DialledContact));
        var hangup = scenario.Action("Hangup");
        await replay.StreamToAsync(hangup);
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        Assert.Equal(CallDirection.Outgoing, call.Direction);
        Assert.Equal(Demo.DialledContactName, call.Contact?.ContactName);
        await replay.ExpectAsync(hangup, () => agent.Model.DropCallAsync(call.Id));
        await replay.StreamToEndAsync();

        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
    }

    [Theory]
    [MemberData(nameof(BlindTransfer))]
    public async Task A_blind_transfer_from_the_panel_hands_the_caller_to_agent_b(string recording, string technology)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, technology);
        await using var _ = server.AsAsyncDisposable();
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var replay = new Replayer(scenario, ami, session);

        var transfer = scenario.Action("BlindTransfer");
        await replay.StreamToAsync(transfer);
        var call = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        await replay.ExpectAsync(transfer, () => a.Model.BlindTransferCallAsync(call.Id, Demo.LineB));
        await replay.StreamToEndAsync();

        var atA = await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.Equal(CallEndReason.Transferred, atA.EndReason);
        var atB = await b.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineB);
        Assert.Equal(call.ConversationId, atB.ConversationId);
        Assert.Equal(Demo.KnownCaller, atB.CallerNumber);
        Assert.Equal(CallEndReason.Completed, (await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == atB.Id)).EndReason);
        Assert.DoesNotContain(b.Events, e => e.Payload is CallDto { Line: Demo.LineA });
    }

    [Theory]
    [InlineData("asterisk22-transfers/21-attended-transfer-completed.ami", true)]
    [InlineData("asterisk22-transfers/21b-attended-transfer-cancelled.ami", false)]
    public async Task A_consultation_from_the_panel_is_one_call_and_one_row_whether_completed_or_cancelled(string recording, bool complete)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var replay = new Replayer(scenario, ami, session);

        var atxfer = scenario.Action("Atxfer");
        await replay.StreamToAsync(atxfer);
        var call = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        await replay.ExpectAsync(atxfer, () => a.Model.MakeConsultCallAsync(call.Id, Demo.LineB));
        var ending = scenario.Action(complete ? "Hangup" : "CancelAtxfer");
        await replay.StreamToAsync(ending);
        var consultation = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.ParentCallId == call.Id);
        await replay.ExpectAsync(ending, () => complete ? a.Model.TransferCallAsync(consultation.Id) : a.Model.CancelTransferAsync(consultation.Id));
        await replay.StreamToEndAsync();

        var finished = await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.Equal(complete ? CallEndReason.Transferred : CallEndReason.Completed, finished.EndReason);
        Assert.Single(a.All<CallDto>(CtiEvents.CallStarted), c => c.ParentCallId == call.Id);
        var rows = await new CallLogClient(server.Http, await server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)))
            .FinishedRowsAsync(call.ConversationId, 3);
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r.GetProperty("line").GetString() == Demo.LineA && r.GetProperty("parentPbxCallId").GetString() == call.PbxCallId);
        Assert.Single(rows, r => r.GetProperty("line").GetString() == Demo.LineB);
    }

    [Fact]
    public async Task A_consultation_merged_from_the_panel_is_a_three_way_conference_on_every_members_card()
    {
        var scenario = RecordedScenario.Load("asterisk22-transfers/22-attended-transfer-threeway.ami");
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP", "--Asterisk:ThreeWayCode=*5");
        await using var _ = server.AsAsyncDisposable();
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var replay = new Replayer(scenario, ami, session);

        var atxfer = scenario.Action("Atxfer");
        await replay.StreamToAsync(atxfer);
        var call = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        await replay.ExpectAsync(atxfer, () => a.Model.MakeConsultCallAsync(call.Id, Demo.LineB));
        var star = scenario.Action("PlayDTMF", 1);
        await replay.StreamToAsync(star);
        var consultation = await a.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.ParentCallId == call.Id);
        await a.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == consultation.Id && l.Operations.Conference);
        using var http = server.AuthorizedClient(a.Token);
        await replay.ExpectAsync(
            async () => (await http.PostAsync(new Uri($"/api/line-calls/{consultation.Id}/conference", UriKind.Relative), null)).EnsureSuccessStatusCode(),
            star,
            scenario.Action("PlayDTMF", 2));
        await replay.StreamToEndAsync();

        await a.WaitForAsync<CallDto>(CtiEvents.CallInfoChanged, c => c.Line == Demo.LineA && c.Conference?.Members.Count == 3);
        var atB = await b.WaitForAsync<CallDto>(CtiEvents.CallInfoChanged, c => c.Line == Demo.LineB && c.Conference?.Members.Count == 3);
        Assert.Contains(atB.Conference!.Members, m => m.Number == Demo.KnownCaller);
        var rows = await new CallLogClient(server.Http, await server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)))
            .FinishedRowsAsync(call.ConversationId, 3);
        Assert.Equal(3, rows.Count);
    }

    [Theory]
    [MemberData(nameof(ParkHold))]
    public async Task Hold_and_unhold_from_the_panel_park_the_caller_and_bring_the_agent_back(string recording, string technology)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, technology, "--Asterisk:HoldMethod=Park");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);

        var park = scenario.Action("Park");
        await replay.StreamToAsync(park);
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        await replay.ExpectAsync(park, () => agent.Model.HoldCallAsync(call.Id));
        var retrieve = scenario.Action("Originate");
        await replay.StreamToAsync(retrieve);
        await agent.WaitForCallAsync(CtiEvents.Hold, c => c.Id == call.Id);
        await replay.ExpectAsync(retrieve, () => agent.Model.UnholdCallAsync(call.Id));
        await replay.StreamToEndAsync();

        await agent.WaitForCallAsync(CtiEvents.Unhold, c => c.Id == call.Id);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
        Assert.Single(agent.All<CallDto>(CtiEvents.CallStarted), c => c.Line == Demo.LineA);
    }

    [Theory]
    [MemberData(nameof(RedirectHold))]
    public async Task Hold_and_unhold_from_the_panel_redirect_the_caller_to_music_and_bridge_back(string recording, string technology)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, technology);
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);

        var toMusic = scenario.Action("Redirect", 1);
        await replay.StreamToAsync(toMusic);
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        await replay.ExpectAsync(toMusic, () => agent.Model.HoldCallAsync(call.Id));
        var setvar = scenario.Action("Setvar");
        await replay.StreamToAsync(setvar);
        await agent.WaitForCallAsync(CtiEvents.Hold, c => c.Id == call.Id);
        await replay.ExpectAsync(() => agent.Model.UnholdCallAsync(call.Id), setvar, scenario.Action("Redirect", 2));
        await replay.StreamToEndAsync();

        await agent.WaitForCallAsync(CtiEvents.Unhold, c => c.Id == call.Id);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.Equal(CallEndReason.Completed, finished.EndReason);
    }

    [Theory]
    [MemberData(nameof(Listen))]
    public async Task A_supervisor_listens_through_chanspy_from_the_supervisor_s_phone(string recording, string technology)
    {
        var scenario = RecordedScenario.Load(recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, technology);
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var supervisor = await server.ConnectAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));
        var replay = new Replayer(scenario, ami, session);

        var spy = scenario.Action("Originate");
        await replay.StreamToAsync(spy);
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        // Recorded before the connector added ChanSpy's E (leave when the agent's call ends); the rest is byte for byte.
        var withE = spy with { Text = spy.Text.Replace(",qs\r\n", ",qsE\r\n", StringComparison.Ordinal) };
        Assert.NotEqual(spy.Text, withE.Text);
        await replay.ExpectAsync(withE, () => supervisor.Model.ListenCallAsync(call.Id));
        await replay.StreamToEndAsync();

        var listening = await supervisor.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.SupervisorLine);
        Assert.True(listening.IsListening);
        await supervisor.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == listening.Id);
        Assert.DoesNotContain(agent.Events, e => e.Payload is CallDto { Line: Demo.SupervisorLine });
    }

    [Fact]
    public async Task Dtmf_from_the_phone_and_from_the_panel_arrives_as_dtmf_entered_in_order()
    {
        var scenario = RecordedScenario.Load("09-dtmf.ami");
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "SIP");
        await using var _ = server.AsAsyncDisposable();
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var replay = new Replayer(scenario, ami, session);

        var injected = scenario.Action("PlayDTMF", 4);
        await replay.StreamToAsync(injected);
        var call = await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Line == Demo.LineA);
        await replay.ExpectAsync(injected, () => agent.Model.SendDtmfAsync(call.Id, "7"));
        await replay.StreamToEndAsync();
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);

        var digits = agent.All<DtmfEnteredEvent>(CtiEvents.DtmfEntered).Where(d => d.CallId == call.Id).Select(d => d.Digit);
        Assert.Equal(["1", "2", "#", "7"], digits);
    }
}
