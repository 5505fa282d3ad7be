using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class EndpointTests
{
    [Fact]
    public async Task Posting_a_call_rings_the_extension_and_answers_201_with_its_id()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Client.PostAsJsonAsync("/api/simulator/calls", new { from = Caller, to = "101" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/simulator/calls/sim-1", response.Headers.Location?.OriginalString);
        Assert.Equal("""{"id":"sim-1"}""", await response.Content.ReadAsStringAsync());
        await host.Sim.ExpectAsync(new CallAppeared(Key("sim-1", "101"), "sim-1", CallDirection.Incoming, Caller, null, "101"));
    }

    [Fact]
    public async Task Listing_calls_shows_both_ends_in_camel_case()
    {
        await using var host = await SimulatorHost.StartAsync();
        host.Sim.CallIn(Caller, "101");

        var calls = await host.Client.GetFromJsonAsync<JsonElement>("/api/simulator/calls");
        var one = await host.Client.GetFromJsonAsync<JsonElement>("/api/simulator/calls/sim-1");

        var call = Assert.Single(calls.EnumerateArray());
        Assert.Equal("sim-1", call.GetProperty("id").GetString());
        Assert.Equal("sim-1", call.GetProperty("conversationId").GetString());
        Assert.Equal("ringing", call.GetProperty("state").GetString());
        Assert.Equal(Caller, call.GetProperty("caller").GetProperty("number").GetString());
        Assert.Equal("external", call.GetProperty("caller").GetProperty("kind").GetString());
        Assert.Equal("line", call.GetProperty("callee").GetProperty("kind").GetString());
        Assert.Equal("ringing", call.GetProperty("callee").GetProperty("state").GetString());
        Assert.Equal(call.GetRawText(), one.GetRawText());
    }

    [Theory]
    [InlineData("""{"to":"101"}""", "'from' must be an outside number")]
    [InlineData("""{"from":"call me maybe","to":"101"}""", "'from' must be an outside number")]
    [InlineData("""{"from":"+74951234567","to":"555"}""", "'555' is neither an extension nor a queue")]
    [InlineData("", "'from' must be an outside number")]
    public async Task Posting_a_call_with_a_garbage_caller_or_unknown_destination_is_400_with_a_problem(string body, string expected)
    {
        await using var host = await SimulatorHost.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/api/simulator/calls", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Posting_a_call_to_an_extension_in_do_not_disturb_is_409()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Sim.Pbx.SetAgentStatusAsync("101", new AgentStatus(AgentState.DoNotDisturb), CancellationToken.None);

        using var response = await host.Client.PostAsJsonAsync("/api/simulator/calls", new { from = Caller, to = "101" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "Do Not Disturb");
    }

    [Fact]
    public async Task Outside_party_answers_and_hangs_up_an_outgoing_call_over_http()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);
        await host.Sim.NextAsync<CallAppeared>();

        using var answered = await host.Client.PostAsync("/api/simulator/calls/sim-1/answer", null);
        using var again = await host.Client.PostAsync("/api/simulator/calls/sim-1/answer", null);
        using var hungUp = await host.Client.PostAsync("/api/simulator/calls/sim-1/hangup", null);
        using var gone = await host.Client.PostAsync("/api/simulator/calls/sim-1/hangup", null);

        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "already answered");
        Assert.Equal(HttpStatusCode.NoContent, hungUp.StatusCode);
        await AssertProblemAsync(gone, HttpStatusCode.NotFound, "There is no active simulator call sim-1");
        await host.Sim.ExpectAsync(
            new CallAnswered(Key("sim-1", "101")),
            new CallEnded(Key("sim-1", "101"), HangupCause.Normal, HangupSide.Remote));
    }

    [Fact]
    public async Task Outside_party_is_busy_over_http()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);
        await host.Sim.NextAsync<CallAppeared>();

        using var response = await host.Client.PostAsync("/api/simulator/calls/sim-1/busy", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.Sim.ExpectAsync(
            new CallRemoteBusy(Key("sim-1", "101")),
            new CallEnded(Key("sim-1", "101"), HangupCause.Busy, HangupSide.Remote));
    }

    [Fact]
    public async Task Outside_party_presses_keys_over_http()
    {
        await using var host = await SimulatorHost.StartAsync();
        var id = await host.Sim.ConnectedInboundAsync("101");

        using var pressed = await host.Client.PostAsJsonAsync($"/api/simulator/calls/{id}/dtmf", new { digits = "1#" });
        using var garbage = await host.Client.PostAsJsonAsync($"/api/simulator/calls/{id}/dtmf", new { digits = "1x" });

        Assert.Equal(HttpStatusCode.NoContent, pressed.StatusCode);
        await AssertProblemAsync(garbage, HttpStatusCode.BadRequest, "'x' is not a DTMF digit");
        await host.Sim.ExpectAsync(new DtmfSeen(Key(id, "101"), '1'), new DtmfSeen(Key(id, "101"), '#'));
    }

    [Fact]
    public async Task Link_goes_down_and_up_over_http()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var down = await host.Client.PostAsJsonAsync("/api/simulator/link/down", new { reason = "test outage" });
        using var up = await host.Client.PostAsync("/api/simulator/link/up", null);

        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        await host.Sim.ExpectAsync(new PbxLinkChanged(false, "test outage"), new PbxLinkChanged(true, null));
        Assert.Empty((await host.Sim.NextAsync<ActiveCallsReported>()).Calls);
    }

    [Fact]
    public async Task Unknown_call_is_404_for_every_outside_action()
    {
        await using var host = await SimulatorHost.StartAsync();

        foreach (var action in new[] { "answer", "busy", "hangup" })
        {
            using var response = await host.Client.PostAsync($"/api/simulator/calls/sim-9/{action}", null);
            await AssertProblemAsync(response, HttpStatusCode.NotFound, "sim-9");
        }

        using var get = await host.Client.GetAsync("/api/simulator/calls/sim-9");
        await AssertProblemAsync(get, HttpStatusCode.NotFound, "sim-9");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string expectedDetail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(expectedDetail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
