using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

/// <summary>Who may play the outside world: signed-in users only, agents towards their own lines, administrators the link.</summary>
public sealed class EndpointAccessTests
{
    private static readonly string AgentOf101 = TestSignIn.Header("agent", "101");
    private static readonly string AgentOf102 = TestSignIn.Header("agent", "102");

    [Theory]
    [InlineData("POST", "/api/simulator/calls")]
    [InlineData("GET", "/api/simulator/calls")]
    [InlineData("GET", "/api/simulator/calls/sim-1")]
    [InlineData("POST", "/api/simulator/calls/sim-1/answer")]
    [InlineData("POST", "/api/simulator/calls/sim-1/busy")]
    [InlineData("POST", "/api/simulator/calls/sim-1/hangup")]
    [InlineData("POST", "/api/simulator/calls/sim-1/dtmf")]
    [InlineData("POST", "/api/simulator/link/down")]
    [InlineData("POST", "/api/simulator/link/up")]
    public async Task Every_endpoint_is_401_without_a_signed_in_user(string method, string path)
    {
        await using var host = await SimulatorHost.StartAsync();
        host.Sim.CallIn(Caller, "101");
        using var anonymous = host.ClientAs(null);

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(host.Sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task An_agent_places_a_call_to_their_own_line_but_not_to_another_agents_line_or_a_queue()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var agent = host.ClientAs(AgentOf101);

        using var own = await agent.PostAsJsonAsync("/api/simulator/calls", new { from = Caller, to = "101" });
        using var other = await agent.PostAsJsonAsync("/api/simulator/calls", new { from = Caller, to = "102" });
        using var queue = await agent.PostAsJsonAsync("/api/simulator/calls", new { from = Caller, to = "600" });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await AssertProblemAsync(other, HttpStatusCode.Forbidden, "only to your own lines");
        await AssertProblemAsync(queue, HttpStatusCode.Forbidden, "only to your own lines");
        var call = Assert.Single(host.Sim.Pbx.ListCalls());
        Assert.Equal("101", call.Callee?.Number);
    }

    [Fact]
    public async Task A_supervisor_places_a_call_to_a_queue_and_sees_it_waiting()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var supervisor = host.ClientAs(TestSignIn.Header("supervisor", "103"));

        using var queued = await supervisor.PostAsJsonAsync("/api/simulator/calls", new { from = Caller, to = "600" });
        var calls = await supervisor.GetFromJsonAsync<JsonElement>("/api/simulator/calls");

        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        Assert.Equal("600", Assert.Single(calls.EnumerateArray()).GetProperty("queue").GetString());
    }

    [Fact]
    public async Task An_agent_sees_and_plays_only_calls_of_their_own_lines()
    {
        await using var host = await SimulatorHost.StartAsync();
        var toB = host.Sim.CallIn(Caller, "102");
        var toA = host.Sim.CallIn(OtherCaller, "101");
        using var agent = host.ClientAs(AgentOf101);

        var listed = await agent.GetFromJsonAsync<JsonElement>("/api/simulator/calls");
        using var read = await agent.GetAsync($"/api/simulator/calls/{toB}");
        using var hangUp = await agent.PostAsync($"/api/simulator/calls/{toB}/hangup", null);
        using var keys = await agent.PostAsJsonAsync($"/api/simulator/calls/{toB}/dtmf", new { digits = "1" });
        using var own = await agent.PostAsync($"/api/simulator/calls/{toA}/hangup", null);

        Assert.Equal(toA, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        await AssertProblemAsync(read, HttpStatusCode.NotFound, toB);
        await AssertProblemAsync(hangUp, HttpStatusCode.NotFound, toB);
        await AssertProblemAsync(keys, HttpStatusCode.NotFound, toB);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Equal(toB, Assert.Single(host.Sim.Pbx.ListCalls()).Id);
    }

    [Fact]
    public async Task After_a_transfer_the_caller_belongs_to_the_line_that_has_it_now()
    {
        await using var host = await SimulatorHost.StartAsync();
        var id = await host.Sim.ConnectedInboundAsync("101");
        await host.Sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);
        await host.Sim.NextAsync<CallEnded>();
        await host.Sim.NextAsync<CallAppeared>();
        using var first = host.ClientAs(AgentOf101);
        using var second = host.ClientAs(AgentOf102);

        using var refused = await first.PostAsync($"/api/simulator/calls/{id}/hangup", null);
        using var done = await second.PostAsync($"/api/simulator/calls/{id}/hangup", null);

        await AssertProblemAsync(refused, HttpStatusCode.NotFound, id);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Empty(host.Sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Only_an_administrator_cuts_and_restores_the_pbx_link()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var agent = host.ClientAs(AgentOf101);
        using var supervisor = host.ClientAs(TestSignIn.Header("supervisor", "103"));

        using var agentDown = await agent.PostAsync("/api/simulator/link/down", null);
        using var supervisorDown = await supervisor.PostAsync("/api/simulator/link/down", null);
        using var agentUp = await agent.PostAsync("/api/simulator/link/up", null);

        await AssertProblemAsync(agentDown, HttpStatusCode.Forbidden, "Only administrators");
        await AssertProblemAsync(supervisorDown, HttpStatusCode.Forbidden, "Only administrators");
        await AssertProblemAsync(agentUp, HttpStatusCode.Forbidden, "Only administrators");
        await host.Sim.ExpectNoMoreFactsAsync();

        using var down = await host.Client.PostAsync("/api/simulator/link/down", null);
        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.False((await host.Sim.NextAsync<PbxLinkChanged>()).IsUp);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string expectedDetail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expectedDetail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
