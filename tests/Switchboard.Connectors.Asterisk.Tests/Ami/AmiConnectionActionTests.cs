using System.Collections.Concurrent;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

public sealed class AmiConnectionActionTests
{
    private static readonly TimeSpan Step = AmiTestTimeouts.Step;

    [Fact]
    public async Task Many_concurrent_actions_answered_out_of_order_each_get_their_own_response()
    {
        const int count = 64;
        await using var server = new FakeAmiServer();
        var waiting = new ConcurrentQueue<FakeAmiRequest>();
        server.On("Getvar", request =>
        {
            waiting.Enqueue(request);
            return Task.CompletedTask;
        });
        await using var connection = await ConnectAsync(server);

        var sends = Enumerable.Range(0, count)
            .Select(i => Task.Run(() => connection.SendActionAsync(new AmiAction("Getvar").Add("Variable", $"V{i}"))))
            .ToList();
        await server.WaitForActionAsync("Getvar", Step, count);
        foreach (var request in waiting.Reverse())
        {
            await request.ReplyAsync("Success", $"Variable: {request["Variable"]}\r\nValue: value-of-{request["Variable"]}\r\n");
        }

        var responses = await Task.WhenAll(sends).WaitAsync(Step);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"value-of-V{i}", responses[i]["Value"]);
        }

        Assert.Equal(count, responses.Select(r => r.ActionId).Distinct().Count());
        Assert.Equal(0, connection.PendingActions);
    }

    [Fact]
    public async Task An_error_response_is_an_answer_not_an_exception()
    {
        await using var server = new FakeAmiServer();
        server.On("Hangup", request => request.ReplyAsync("Error", "Message: No such channel\r\n"));
        await using var connection = await ConnectAsync(server);

        var response = await connection.SendActionAsync(new AmiAction("Hangup").Add("Channel", "SIP/999-00000000")).WaitAsync(Step);

        Assert.Equal("Error", response.Response);
        Assert.Equal("No such channel", response["Message"]);
    }

    [Fact]
    public async Task An_unanswered_action_fails_with_AmiActionTimeoutException_and_the_link_stays_up()
    {
        await using var server = new FakeAmiServer();
        server.NeverAnswer("Status");
        await using var connection = await ConnectAsync(server, server.ClientOptions() with { ActionTimeout = TimeSpan.FromMilliseconds(200) });

        var timedOut = await Assert.ThrowsAsync<AmiActionTimeoutException>(() => connection.SendActionAsync(new AmiAction("Status")).WaitAsync(Step));

        Assert.Equal("Status", timedOut.Action);
        Assert.StartsWith(connection.ActionIdPrefix, timedOut.ActionId, StringComparison.Ordinal);
        Assert.Equal(0, connection.PendingActions);
        Assert.Equal(AmiConnectionState.Open, connection.State);

        // The late answer is dropped, and the link goes on answering.
        var late = await server.WaitForActionAsync("Status", Step);
        await late.ReplyAsync();
        Assert.Equal("Pong", (await connection.SendActionAsync(new AmiAction("Ping")).WaitAsync(Step))["Ping"]);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_completes_the_action_while_others_are_answered_first()
    {
        await using var server = new FakeAmiServer();
        server.AnswerAfter("Status", TimeSpan.FromMilliseconds(200));
        await using var connection = await ConnectAsync(server);

        var slow = connection.SendActionAsync(new AmiAction("Status"));
        var fast = await connection.SendActionAsync(new AmiAction("Ping")).WaitAsync(Step);

        Assert.Equal("Pong", fast["Ping"]);
        Assert.False(slow.IsCompleted);
        Assert.Equal("Success", (await slow.WaitAsync(Step)).Response);
    }

    [Fact]
    public async Task A_legacy_Follows_command_response_answers_its_action_with_Output_lines()
    {
        await using var server = new FakeAmiServer();
        server.On("Command", request => request.Session.SendAsync(
            $"Response: Follows\r\nPrivilege: Command\r\nActionID: {request.ActionId}\r\n"
            + "Channel              Location\nSIP/101-0000001a    (None)\n2 active channels\n--END COMMAND--\r\n\r\n"));
        await using var connection = await ConnectAsync(server);

        var response = await connection.SendActionAsync(new AmiAction("Command").Add("Command", "core show channels")).WaitAsync(Step);

        Assert.Equal("Follows", response.Response);
        Assert.Equal(["Channel              Location", "SIP/101-0000001a    (None)", "2 active channels"], response.GetAll("Output"));
    }

    [Fact]
    public async Task A_cancelled_action_throws_OperationCanceledException_and_is_forgotten()
    {
        await using var server = new FakeAmiServer();
        server.NeverAnswer("Status");
        await using var connection = await ConnectAsync(server);
        using var cancel = new CancellationTokenSource();

        var sending = connection.SendActionAsync(new AmiAction("Status"), cancel.Token);
        await server.WaitForActionAsync("Status", Step);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(Step));
        Assert.Equal(0, connection.PendingActions);
    }

    [Fact]
    public async Task A_list_action_returns_its_response_and_the_events_up_to_the_Complete_event()
    {
        await using var server = new FakeAmiServer();
        server.On("CoreShowChannels", async request =>
        {
            var id = request.ActionId;
            await request.ReplyAsync("Success", "EventList: start\r\nMessage: Channels will follow\r\n");
            await request.Session.SendAsync(
                $"Event: CoreShowChannel\r\nActionID: {id}\r\nChannel: SIP/trunk-00000019\r\n\r\n"
                + "Event: Newexten\r\nChannel: SIP/101-0000001a\r\n\r\n"
                + $"Event: CoreShowChannel\r\nActionID: {id}\r\nChannel: SIP/101-0000001a\r\n\r\n"
                + $"Event: CoreShowChannelsComplete\r\nActionID: {id}\r\nEventList: Complete\r\nListItems: 2\r\n\r\n");
        });
        await using var connection = await ConnectAsync(server);

        var list = await connection.SendListActionAsync(new AmiAction("CoreShowChannels")).WaitAsync(Step);

        Assert.Equal("start", list.Response["EventList"]);
        Assert.Equal(["SIP/trunk-00000019", "SIP/101-0000001a"], list.Events.Select(e => e["Channel"]));
        Assert.Equal("2", list.Complete?["ListItems"]);
        var other = await connection.Events.ReadAsync().AsTask().WaitAsync(Step);
        Assert.Equal("Newexten", other.EventName);
        Assert.False(connection.Events.TryRead(out _), "list items do not go to the event stream");
    }

    [Fact]
    public async Task An_empty_list_ends_with_its_Complete_event_and_no_items()
    {
        await using var server = new FakeAmiServer();
        await using var connection = await ConnectAsync(server);

        var list = await connection.SendListActionAsync(new AmiAction("CoreShowChannels")).WaitAsync(Step);

        Assert.Empty(list.Events);
        Assert.Equal("CoreShowChannelsComplete", list.Complete?.EventName);
        Assert.Equal("0", list.Complete?["ListItems"]);
    }

    [Fact]
    public async Task A_list_action_answered_with_an_error_ends_at_once_with_no_events()
    {
        await using var server = new FakeAmiServer();
        server.On("Status", request => request.ReplyAsync("Error", "Message: No such channel\r\n"));
        await using var connection = await ConnectAsync(server);

        var list = await connection.SendListActionAsync(new AmiAction("Status").Add("Channel", "SIP/nobody")).WaitAsync(Step);

        Assert.Equal("Error", list.Response.Response);
        Assert.Empty(list.Events);
        Assert.Null(list.Complete);
    }

    [Fact]
    public async Task OriginateResponse_goes_to_the_event_stream_and_completes_nothing()
    {
        await using var server = new FakeAmiServer();
        var originated = new TaskCompletionSource<string>();
        server.On("Originate", async request =>
        {
            await request.ReplyAsync("Success", "Message: Originate successfully queued\r\n");
            originated.TrySetResult(request.ActionId!);
        });
        await using var connection = await ConnectAsync(server, server.ClientOptions() with { Events = ["OriginateResponse"] });

        var response = await connection.SendActionAsync(new AmiAction("Originate").Add("Channel", "SIP/101").Add("Async", "true")).WaitAsync(Step);
        var actionId = await originated.Task.WaitAsync(Step);
        var session = await server.WaitForLoginAsync(Step);
        await session.SendAsync($"Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: {actionId}\r\nResponse: Success\r\nChannel: SIP/101-0000000b\r\n\r\n");

        Assert.Equal("Originate successfully queued", response["Message"]);
        var originateResponse = await connection.Events.ReadAsync().AsTask().WaitAsync(Step);
        Assert.Equal(AmiMessageKind.Event, originateResponse.Kind);
        Assert.Equal("OriginateResponse", originateResponse.EventName);
        Assert.Equal(actionId, originateResponse.ActionId);
        Assert.Equal("Success", originateResponse.Response);
    }

    [Fact]
    public async Task An_event_that_carries_the_ActionID_of_a_pending_plain_action_does_not_answer_it()
    {
        await using var server = new FakeAmiServer();
        server.On("Originate", async request =>
        {
            await request.Session.SendAsync($"Event: OriginateResponse\r\nActionID: {request.ActionId}\r\nResponse: Failure\r\n\r\n");
            await request.ReplyAsync("Error", "Message: Originate failed\r\n");
        });
        await using var connection = await ConnectAsync(server, server.ClientOptions() with { Events = ["Nothing"] });

        var response = await connection.SendActionAsync(new AmiAction("Originate").Add("Channel", "SIP/101")).WaitAsync(Step);

        Assert.Equal(AmiMessageKind.Response, response.Kind);
        Assert.Equal("Originate failed", response["Message"]);
        var passedOn = await connection.Events.ReadAsync().AsTask().WaitAsync(Step);
        Assert.Equal("OriginateResponse", passedOn.EventName);
    }

    [Fact]
    public async Task Sending_while_the_link_is_not_up_throws_AmiConnectionLostException()
    {
        await using var server = new FakeAmiServer();
        await using var connection = new AmiConnection(server.ClientOptions());

        await Assert.ThrowsAsync<AmiConnectionLostException>(() => connection.SendActionAsync(new AmiAction("Ping")));

        await connection.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.SendActionAsync(new AmiAction("Ping")));
    }

    [Fact]
    public async Task Actions_go_out_byte_for_byte_with_the_connection_prefix_and_counting_ActionIDs()
    {
        await using var server = new FakeAmiServer();
        await using var connection = await ConnectAsync(server);

        await connection.SendActionAsync(new AmiAction("Hangup").Add("Channel", "SIP/trunk-00000019")).WaitAsync(Step);
        await connection.SendActionAsync(new AmiAction("Ping")).WaitAsync(Step);

        var actions = server.ReceivedActions;
        Assert.Equal($"Action: Hangup\r\nActionID: {connection.ActionIdPrefix}2\r\nChannel: SIP/trunk-00000019\r\n\r\n", actions[1].RawText);
        Assert.Equal($"Action: Ping\r\nActionID: {connection.ActionIdPrefix}3\r\n\r\n", actions[2].RawText);
    }

    internal static async Task<AmiConnection> ConnectAsync(FakeAmiServer server, AmiOptions? options = null)
    {
        var connection = new AmiConnection(options ?? server.ClientOptions());
        await connection.ConnectAsync().WaitAsync(AmiTestTimeouts.Step);
        return connection;
    }
}
