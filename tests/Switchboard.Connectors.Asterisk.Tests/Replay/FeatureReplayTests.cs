using System.Text.Json;
using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>The Asterisk 22 feature recordings (wrap-up, pause and presence, pickup) through the whole host over TCP.</summary>
public class FeatureReplayTests
{
    private const string Folder = "asterisk22-features/";

    // GetConfig's answer for the recordings' queues.conf (manager.c action_getconfig), with a template to skip.
    private const string QueuesConf =
        "Category-000000: general\r\nLine-000000-000000: persistentmembers=no\r\n" +
        "Category-000001: queue-defaults\r\nIsTemplate-000001: 1\r\nLine-000001-000000: wrapuptime=3\r\n" +
        "Category-000002: support\r\nTemplates-000002: queue-defaults\r\nLine-000002-000000: wrapuptime=3\r\n" +
        "Line-000002-000001: strategy=ringall\r\nLine-000002-000002: wrapuptime=10\r\n";

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
        ami.On("GetConfig", request => readable
            ? request.ReplyAsync("Success", QueuesConf)
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

    private static (string? Direction, string? EndReason, JsonValueKind Answered) Row(JsonElement row) =>
        (row.GetProperty("direction").GetString(), row.GetProperty("endReason").GetString(), row.GetProperty("answeredAt").ValueKind);
}
