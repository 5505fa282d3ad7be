using System.Text.Json;
using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>The Asterisk 22 feature recordings (wrap-up, pause and presence, pickup) through the whole host over TCP.</summary>
public class FeatureReplayTests
{
    private const string Folder = "asterisk22-features/";

    // GetConfig's answer for the recordings' queues.conf, Category: support (manager.c action_getconfig), the
    // lines of a template it uses first.
    private const string SupportConf =
        "Category-000000: support\r\nTemplates-000000: queue-defaults\r\nLine-000000-000000: wrapuptime=3\r\n" +
        "Line-000000-000001: strategy=ringall\r\nLine-000000-000002: wrapuptime=10\r\n";

    private const string SupportParams =
        "Event: QueueParams\r\nQueue: support\r\nMax: 0\r\nStrategy: ringall\r\nCalls: 0\r\nHoldtime: 0\r\nTalkTime: 0\r\n" +
        "Completed: 0\r\nAbandoned: 0\r\nServiceLevel: 0\r\nServicelevelPerf: 0.0\r\nServicelevelPerf2: 0.0\r\nWeight: 0\r\n";

    [Theory]
    [InlineData("20-pickup.ami")]
    [InlineData("20b-pickup-group.ami")]
    public async Task A_call_picked_up_by_a_colleague_is_logged_missed_on_the_line_that_rang_and_answered_on_the_colleagues(string recording)
    {
        var scenario = RecordedScenario.Load(Folder + recording);
        await using var ami = new FakeAmiServer();
        var (server, session) = await AsteriskReplayServer.StartAsync(ami, "PJSIP");
        await using var _ = server.AsAsyncDisposable();
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));

        await new Replayer(scenario, ami, session).StreamToEndAsync();

        var rang = await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Line == Demo.LineA);
        var picked = await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Line == Demo.LineB);
        Assert.Equal(rang.ConversationId, picked.ConversationId);
        var supervisor = await server.LoginAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));
        var rows = await new CallLogClient(server.Http, supervisor).FinishedRowsAsync(rang.ConversationId, 2);
        Assert.Equal(2, rows.Count);
        var on101 = Assert.Single(rows, r => r.GetProperty("line").GetString() == Demo.LineA);
        var on102 = Assert.Single(rows, r => r.GetProperty("line").GetString() == Demo.LineB);
        Assert.Equal(("incoming", "missed", JsonValueKind.Null), Row(on101));
        Assert.Equal(("incoming", "completed", JsonValueKind.String), Row(on102));
        Assert.Equal(Demo.KnownCaller, on102.GetProperty("callerNumber").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_queues_wrap_up_from_queues_conf_or_configuration_puts_the_member_that_answered_in_wrap_up(bool readable)
    {
        var scenario = RecordedScenario.Load(Folder + "18-queue-wrapup.ami");
        await using var ami = new FakeAmiServer();
        AnswerQueueStatus(ami);
        ami.On("GetConfig", request => readable && request["Filename"] == "queues.conf" && request["Category"] == "support"
            ? request.ReplyAsync("Success", SupportConf)
            : request.ReplyAsync("Error", "Message: Permission denied\r\n"));
        var (server, session) = await AsteriskReplayServer.StartAsync(
            ami, "PJSIP", readable ? [] : ["--Asterisk:QueueWrapUp:support=10"]);
        await using var _ = server.AsAsyncDisposable();
        await ami.WaitForActionAsync("GetConfig", Timeouts.Step);
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));

        await new Replayer(scenario, ami, session).StreamToEndAsync();

        // 102 answered call 1 and 101 call 2: each is in the queue's 10 s of wrap-up once its call ended.
        await b.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == Demo.LineB && e.State == AgentState.WrapUp);
        await a.WaitForAsync<AgentStateChangedEvent>(CtiEvents.AgentStateChanged, e => e.Line == Demo.LineA && e.State == AgentState.WrapUp);
        var first = await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Line == Demo.LineB);
        var rows = await new CallLogClient(server.Http, b.Token).FinishedRowsAsync(first.ConversationId, 1);
        Assert.Equal(("incoming", "completed", JsonValueKind.String), Row(Assert.Single(rows)));
    }

    [Fact]
    public async Task A_queue_whose_config_Asterisk_does_not_answer_for_holds_up_nothing_after_it()
    {
        await using var ami = new FakeAmiServer();
        AnswerQueueStatus(ami);
        ami.NeverAnswer("GetConfig");
        var (server, _) = await AsteriskReplayServer.StartAsync(ami, "PJSIP", "--Asterisk:ActionTimeout=00:00:00.300");
        await using var _ = server.AsAsyncDisposable();

        // The setup check still runs once GetConfig has timed out.
        await ami.WaitForActionAsync("GetConfig", Timeouts.Step);
        await ami.WaitForActionAsync("Command", Timeouts.Step);
    }

    private static void AnswerQueueStatus(FakeAmiServer ami) => ami.On("QueueStatus", async request =>
    {
        await request.ReplyAsync("Success", "EventList: start\r\nMessage: Queue status will follow\r\n");
        await request.Session.SendAsync(SupportParams + $"ActionID: {request.ActionId}\r\n\r\n");
        await request.Session.SendAsync(
            $"Event: QueueStatusComplete\r\nActionID: {request.ActionId}\r\nEventList: Complete\r\nListItems: 1\r\n\r\n");
    });

    private static (string? Direction, string? EndReason, JsonValueKind Answered) Row(JsonElement row) =>
        (row.GetProperty("direction").GetString(), row.GetProperty("endReason").GetString(), row.GetProperty("answeredAt").ValueKind);
}
