using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.Tokens;
using Switchboard.Client;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

public class IsolationAndInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] CallEventNames =
    [
        CtiEvents.CallStarted, CtiEvents.CommutationStarted, CtiEvents.Hold, CtiEvents.Unhold,
        CtiEvents.CallFinished, CtiEvents.CallInfoChanged, CtiEvents.CallBusy,
    ];

    [Fact]
    public async Task Agent_b_never_sees_a_s_calls_and_cannot_control_them()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var (simId, call) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);

        await Assert.ThrowsAsync<HubException>(() => b.Model.DropCallAsync(call.Id));
        await Assert.ThrowsAsync<HubException>(() => b.Model.HoldCallAsync(call.Id));
        await Assert.ThrowsAsync<HubException>(() => b.Model.BlindTransferCallAsync(call.Id, Demo.LineB));
        await Assert.ThrowsAsync<HubException>(() => b.Model.SendDtmfAsync(call.Id, "1"));

        await b.WaitForCountAsync(CtiEvents.Error, 4);
        var errors = b.All<ErrorEvent>(CtiEvents.Error).ToList();
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal("forbidden", e.Code));
        var stillThere = Assert.Single((await a.Model.GetActiveCallsAsync()).Calls);
        Assert.Equal(CallState.Connected, stillThere.State);

        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        await a.WaitForAsync<CallSavedEvent>(CtiEvents.CallSaved, s => s.CallId == call.Id);

        // Everything B received is about B's own line only.
        Assert.DoesNotContain(b.Events, e => CallEventNames.Contains(e.Name));
        Assert.DoesNotContain(b.Events, e => e.Payload is LineStateChangedEvent { Line: Demo.LineA });
        Assert.DoesNotContain(b.Events, e => e.Payload is AgentStateChangedEvent { Line: Demo.LineA });
        Assert.DoesNotContain(b.Events, e => e.Payload is CallSavedEvent);
        Assert.Empty((await b.Model.GetActiveCallsAsync()).Calls);
    }

    [Fact]
    public async Task Commands_with_missing_or_malformed_arguments_are_refused_cleanly()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        var missing = await Assert.ThrowsAsync<HubException>(() => a.Model.InvokeRawAsync(CtiCommands.MakeCall, [null]));
        Assert.Contains("needs an argument", missing.Message, StringComparison.Ordinal);
        var garbage = await Assert.ThrowsAsync<HubException>(() => a.Model.MakeCallAsync("call me maybe"));
        Assert.Contains("not a phone number", garbage.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => a.Model.MakeCallAsync("101", line: Demo.LineB));
        await Assert.ThrowsAsync<HubException>(() => a.Model.InvokeRawAsync(CtiCommands.DropCall, ["not an object"]));
        await Assert.ThrowsAsync<HubException>(() => a.Model.DropCallAsync(Guid.Empty));
        var unknown = await Assert.ThrowsAsync<HubException>(() => a.Model.HoldCallAsync(Guid.NewGuid()));
        Assert.Contains("no active call", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => a.Model.SetAgentStateAsync(AgentState.Busy));
        await Assert.ThrowsAsync<HubException>(() => a.Model.SetAgentStateAsync(AgentState.Away, "Sunbathing"));

        // The connection is still good and nothing changed.
        Assert.Empty((await a.Model.GetActiveCallsAsync()).Calls);
        Assert.Contains(a.Events, e => e.Payload is ErrorEvent { Code: "invalid_number" });
    }

    [Fact]
    public async Task A_hold_of_a_ringing_call_is_refused_and_the_call_rings_on()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var simId = await server.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
        var call = await a.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.KnownCaller);

        var refused = await Assert.ThrowsAsync<HubException>(() => a.Model.HoldCallAsync(call.Id));

        Assert.Contains("alerting", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CallState.Alerting, Assert.Single((await a.Model.GetActiveCallsAsync()).Calls).State);
        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
    }

    [Fact]
    public async Task A_connection_without_a_token_is_refused()
    {
        await using var model = new CtiModel(server.BaseAddress, () => Task.FromResult<string?>(null));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => model.StartAsync().WaitAsync(Timeouts.Step));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_with_a_forged_token_is_refused()
    {
        var forged = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            issuer: "switchboard",
            audience: "switchboard",
            claims: [new Claim("sub", Guid.NewGuid().ToString()), new Claim("role", "Administrator")],
            expires: DateTime.UtcNow.AddHours(1),
            signingCredentials: new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("not-the-server-key-not-the-server-key!")),
                SecurityAlgorithms.HmacSha256)));
        await using var model = new CtiModel(server.BaseAddress, () => Task.FromResult<string?>(forged));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => model.StartAsync().WaitAsync(Timeouts.Step));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }
}
