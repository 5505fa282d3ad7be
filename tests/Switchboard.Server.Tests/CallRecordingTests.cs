using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>The whole system with recording from the panel allowed: the simulator records into the CRM's folder.</summary>
public sealed class RecordingServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Telephony:RecordFromPanel=true"];
}

public sealed class CallRecordingTests(RecordingServerFixture server) : IClassFixture<RecordingServerFixture>
{
    [Fact]
    public async Task An_agent_records_part_of_a_call_from_the_panel_and_the_logged_call_plays_it_whole_or_by_range()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var initialized = await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized);
        Assert.True(initialized.Capabilities.CallRecording);
        var (simId, call) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);
        using var http = server.AuthorizedClient(agent.Token);

        (await http.PostAsync($"/api/calls/active/{call.Id}/recording/start", null)).EnsureSuccessStatusCode();
        var recording = await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && c.Recording);
        Assert.True(recording.HasRecording);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        (await http.PostAsync($"/api/calls/active/{call.Id}/recording/stop", null)).EnsureSuccessStatusCode();
        await agent.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == call.Id && !c.Recording && c.HasRecording);
        await server.Simulator.HangUpAsync(simId);
        var finished = await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.True(finished.HasRecording);

        var row = Assert.Single(await new CallLogClient(server.Http, agent.Token).FinishedRowsAsync(call.ConversationId, 1));
        Assert.True(row.GetProperty("hasRecording").GetBoolean());
        var playPath = $"/api/calls/{row.GetProperty("id").GetGuid()}/recording";
        using var whole = await http.GetAsync(playPath);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.True(bytes.Length >= 44 + 16000, $"{bytes.Length} bytes for a second or more of 8 kHz 16-bit audio");

        using var request = new HttpRequestMessage(HttpMethod.Get, playPath);
        request.Headers.Range = new RangeHeaderValue(8, 15);
        using var part = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("WAVEfmt "u8.ToArray(), await part.Content.ReadAsByteArrayAsync());

        using var colleague = server.AuthorizedClient(await server.LoginAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB)));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(playPath)).StatusCode);
    }

    [Fact]
    public async Task Only_the_lines_owner_records_a_call_and_a_call_not_recorded_cannot_be_stopped()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var (simId, call) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);
        using var colleague = server.AuthorizedClient(await server.LoginAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB)));
        using var owner = server.AuthorizedClient(agent.Token);

        using var refused = await colleague.PostAsync($"/api/calls/active/{call.Id}/recording/start", null);
        using var notRecorded = await owner.PostAsync($"/api/calls/active/{call.Id}/recording/stop", null);
        using var unknown = await owner.PostAsync($"/api/calls/active/{Guid.NewGuid()}/recording/start", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("You can only record calls on your own lines.", (await refused.Content.ReadFromJsonAsync<ProblemBody>())!.Title);
        Assert.Equal(HttpStatusCode.Conflict, notRecorded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await server.Simulator.HangUpAsync(simId);
    }

    private sealed record ProblemBody(string Title);
}
