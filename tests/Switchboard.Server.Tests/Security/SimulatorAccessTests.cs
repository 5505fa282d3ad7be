using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>The simulator's endpoints with real sign-in: anonymous callers get nothing, agents their own lines, administrators the link.</summary>
public class SimulatorAccessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("POST", "/api/simulator/calls")]
    [InlineData("GET", "/api/simulator/calls")]
    [InlineData("POST", "/api/simulator/calls/sim-1/hangup")]
    [InlineData("POST", "/api/simulator/link/down")]
    [InlineData("POST", "/api/simulator/link/up")]
    public async Task Without_sign_in_the_simulator_answers_401(string method, string path)
    {
        using var response = await server.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_link_down_with_no_body_and_no_sign_in_leaves_the_link_up()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        using var response = await server.Http.PostAsync("/api/simulator/link/down", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertLinkUpAsync(agent);
    }

    [Fact]
    public async Task An_agent_cannot_cut_the_pbx_link_and_an_administrator_can()
    {
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var agentToken = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        using var refused = await PostAsync("/api/simulator/link/down", agentToken);
        await AssertLinkUpAsync(agent);

        await server.Simulator.LinkDownAsync("an administrator's test");
        var disconnected = await agent.WaitForAsync<DisconnectedEvent>(CtiEvents.Disconnected);
        agent.Clear();
        await server.Simulator.LinkUpAsync();
        await agent.WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("pbx", disconnected.Source);
    }

    [Fact]
    public async Task An_agent_places_a_simulated_call_to_their_own_line_but_not_to_another_agents()
    {
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        using var toB = await PostAsync("/api/simulator/calls", token, new { from = Demo.KnownCaller, to = Demo.LineB });
        using var toQueue = await PostAsync("/api/simulator/calls", token, new { from = Demo.KnownCaller, to = Demo.Queue });
        using var toA = await PostAsync("/api/simulator/calls", token, new { from = Demo.UnknownCaller, to = Demo.LineA });

        Assert.Equal(HttpStatusCode.Forbidden, toB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, toQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Created, toA.StatusCode);
        var placed = Assert.Single(server.Pbx.ListCalls());
        Assert.Equal(Demo.LineA, placed.Callee?.Number);
        await server.Simulator.HangUpAsync(placed.Id);
        Assert.DoesNotContain(b.Events, e => e.Name == CtiEvents.CallStarted);
    }

    [Fact]
    public async Task An_agent_neither_sees_nor_hangs_up_another_agents_simulated_call()
    {
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var toB = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineB);
        var call = await b.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineB);
        var token = await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        using var list = await SendAsync(HttpMethod.Get, "/api/simulator/calls", token);
        using var hangUp = await PostAsync($"/api/simulator/calls/{toB}/hangup", token);

        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, hangUp.StatusCode);
        Assert.Equal(toB, Assert.Single(server.Pbx.ListCalls()).Id);
        await server.Simulator.HangUpAsync(toB);
        await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }

    // The link is up when a command reaches the PBX: an agent-state change is carried out, not refused for a broken link.
    private static async Task AssertLinkUpAsync(AgentSession agent)
    {
        await agent.Model.SetAgentStateAsync(AgentState.DoNotDisturb);
        await agent.Model.SetAgentStateAsync(AgentState.Available);
        Assert.DoesNotContain(agent.Events, e => e.Name == CtiEvents.Disconnected);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string token, object? body = null) =>
        SendAsync(HttpMethod.Post, path, token, body is null ? null : JsonContent.Create(body));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }
}
