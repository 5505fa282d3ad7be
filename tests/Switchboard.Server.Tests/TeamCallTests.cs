using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>
/// A supervisor watches their team's active calls (<c>GET /api/team/calls/active</c>) and listens
/// to them; another team's supervisor sees none of them and may not listen.
/// </summary>
public class TeamCallTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_supervisor_sees_the_active_calls_of_their_team_with_the_ids_to_listen_to()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var (simId, call) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);
        using var supervisor = await ClientAsync(Demo.Supervisor, Demo.PasswordOf(Demo.Supervisor));

        var calls = await supervisor.GetFromJsonAsync<List<CallDto>>("/api/team/calls/active");

        var seen = Assert.Single(calls!, c => c.Id == call.Id);
        Assert.Equal(Demo.LineA, seen.Line);
        Assert.Equal(CallState.Connected, seen.State);
        Assert.Equal(Demo.KnownCallerName, seen.Contact?.ContactName);
        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.DoesNotContain(await supervisor.GetFromJsonAsync<List<CallDto>>("/api/team/calls/active") ?? [], c => c.Id == call.Id);
    }

    [Fact]
    public async Task An_agent_may_not_watch_the_team_and_nobody_without_signing_in()
    {
        using var agent = await ClientAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/team/calls/active")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/team/calls/active")).StatusCode);
    }

    [Fact]
    public async Task Another_teams_supervisor_neither_sees_nor_listens_to_the_call()
    {
        var (login, password) = await CreateSupervisorOfAnotherTeamAsync();
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var stranger = await server.ConnectAsync(login, password);
        var (simId, call) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);
        using var strangerHttp = await ClientAsync(login, password);

        var calls = await strangerHttp.GetFromJsonAsync<List<CallDto>>("/api/team/calls/active");
        var refused = await Assert.ThrowsAsync<HubException>(() => stranger.Model.ListenCallAsync(call.Id));

        Assert.DoesNotContain(calls!, c => c.Id == call.Id);
        Assert.Contains("team", refused.Message, StringComparison.Ordinal);
        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        Assert.DoesNotContain(stranger.Events, e => e.Payload is CallDto { IsListening: true });
    }

    private async Task<HttpClient> ClientAsync(string login, string password)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.LoginAsync(login, password));
        return client;
    }

    private async Task<(string Login, string Password)> CreateSupervisorOfAnotherTeamAsync()
    {
        using var admin = await ClientAsync("admin", Demo.PasswordOf("admin"));
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = "Night shift" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<IdOnly>();
        var user = await (await admin.PostAsJsonAsync("/api/users", new
        {
            login = "nightlead",
            displayName = "Night lead",
            role = "supervisor",
            password = "nightlead-password",
            lines = new[] { "105" },
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdOnly>();
        (await admin.PutAsJsonAsync($"/api/users/{user!.Id}/team", new { teamId = team!.Id })).EnsureSuccessStatusCode();
        return ("nightlead", "nightlead-password");
    }

    private sealed record IdOnly(Guid Id);
}
