using System.Net;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>A consultation merged into a conference, end to end with the simulator: every member's card lists all three.</summary>
public class ConferenceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_consultation_merged_into_a_conference_shows_three_members_on_each_card_and_the_two_agents_once_the_caller_leaves()
    {
        await using var a = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await using var b = await server.ConnectAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var (simId, first) = await server.AnsweredInboundAsync(a, Demo.KnownCaller, Demo.LineA);
        await a.Model.MakeConsultCallAsync(first.Id, Demo.LineB);
        var consult = await a.WaitForCallAsync(CtiEvents.CallStarted, c => c.ParentCallId == first.Id);
        var atB = await b.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == Demo.LineA);
        await b.Model.AnswerCallAsync(atB.Id);
        await a.WaitForAsync<LineStateChangedEvent>(CtiEvents.LineStateChanged, l => l.CallId == consult.Id && l.Operations.Conference);

        using var asA = server.AuthorizedClient(await server.LoginAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA)));
        using var asB = server.AuthorizedClient(await server.LoginAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB)));
        Assert.Equal(HttpStatusCode.NotFound, (await asB.PostAsync($"/api/line-calls/{consult.Id}/conference", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await asA.PostAsync($"/api/line-calls/{consult.Id}/conference", null)).StatusCode);

        string[] three = [Demo.KnownCaller, Demo.LineA, Demo.LineB];
        bool HasAllThree(CallDto c) => c.Conference is { } conference
            && conference.Members.Select(m => m.Number).Order().SequenceEqual(three.Order());
        var firstAtA = await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == first.Id && HasAllThree(c));
        await a.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == consult.Id && HasAllThree(c));
        var atBInConference = await b.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == atB.Id && HasAllThree(c));
        Assert.Equal(firstAtA.Conference!.Id, atBInConference.Conference!.Id);
        Assert.Equal(Demo.KnownCallerName, firstAtA.Conference.Members.Single(m => m.Number == Demo.KnownCaller).Name);
        Assert.Equal(CallState.Connected, firstAtA.State);

        await server.Simulator.HangUpAsync(simId);
        await a.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == first.Id);
        // The two agents are still in it together, as a conference bridge keeps its remaining members.
        await b.WaitForCallAsync(CtiEvents.CallInfoChanged, c => c.Id == atB.Id
            && c.Conference is { } left && left.Members.Select(m => m.Number).Order().SequenceEqual([Demo.LineA, Demo.LineB]));
        await a.Model.DropCallAsync(consult.Id);
        await b.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == atB.Id);
    }
}
