using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class LinkTests
{
    [Fact]
    public async Task Connecting_reports_the_link_up_once()
    {
        await using var sim = await StartAsync();

        await sim.Pbx.ConnectAsync(CancellationToken.None);

        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Active_calls_are_one_appearance_per_line_with_answered_ones_marked()
    {
        await using var sim = await StartAsync();
        var talking = await sim.ConnectedInternalAsync("101", "102");
        sim.Time.Advance(TimeSpan.FromSeconds(40));
        var ringing = sim.CallIn(Caller, "103");
        sim.Time.Advance(TimeSpan.FromSeconds(5));

        var active = await sim.Pbx.GetActiveCallsAsync(CancellationToken.None);

        // Each with its age, so a server that takes the calls up after a restart keeps their times.
        var talkingFor = TimeSpan.FromSeconds(45);
        Assert.Equal(
            [
                new CallAppeared(Key(talking, "101"), talking, CallDirection.Internal, "101", null, "102") { AlreadyAnswered = true, Age = talkingFor, AnsweredAge = talkingFor },
                new CallAppeared(Key(talking, "102"), talking, CallDirection.Internal, "101", null, "102") { AlreadyAnswered = true, Age = talkingFor, AnsweredAge = talkingFor },
                new CallAppeared(Key(ringing, "103"), ringing, CallDirection.Incoming, Caller, null, "103") { Age = TimeSpan.FromSeconds(5) },
            ],
            active);
    }

    [Fact]
    public async Task Commands_are_refused_while_the_link_is_down()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        sim.Pbx.SimulateLinkDown("cable cut");

        await sim.ExpectAsync(new PbxLinkChanged(false, "cable cut"));
        await Refused.ByPbx(() => sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None), "The PBX link is down");
        await Refused.ByPbx(() => sim.Pbx.MakeCallAsync("102", "103", CancellationToken.None), "The PBX link is down");
        await Refused.ByPbx(() => sim.Pbx.SetAgentStatusAsync("102", AgentStatus.Available, CancellationToken.None), "The PBX link is down");
        await Refused.ByPbx(() => sim.Pbx.GetActiveCallsAsync(CancellationToken.None), "The PBX link is down");
    }

    [Fact]
    public async Task Link_coming_back_reports_the_calls_active_now_and_nothing_of_what_happened_meanwhile()
    {
        await using var sim = await StartAsync();
        var ended = await sim.ConnectedInboundAsync("101");
        sim.Pbx.SimulateLinkDown("cable cut");
        await sim.NextAsync<PbxLinkChanged>();

        Assert.True(sim.Pbx.HangUpAsOutsideParty(ended).Succeeded);
        var started = sim.CallIn(OtherCaller, "102");
        sim.Pbx.SimulateLinkUp();

        await sim.ExpectAsync(new PbxLinkChanged(true, null));
        var report = await sim.NextAsync<ActiveCallsReported>();
        Assert.Equal([new CallAppeared(Key(started, "102"), started, CallDirection.Incoming, OtherCaller, null, "102") { Age = TimeSpan.Zero }], report.Calls);
        await sim.Pbx.AnswerAsync(Key(started, "102"), CancellationToken.None);
        await sim.ExpectAsync(new CallAnswered(Key(started, "102")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task A_later_connect_does_not_undo_a_simulated_outage()
    {
        await using var sim = await StartAsync();
        sim.Pbx.SimulateLinkDown("cable cut");
        await sim.NextAsync<PbxLinkChanged>();

        await sim.Pbx.ConnectAsync(CancellationToken.None);

        await Refused.ByPbx(() => sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None), "The PBX link is down");
    }

    [Fact]
    public async Task A_server_that_connects_after_the_last_one_closed_its_link_gets_the_calls_in_progress()
    {
        await using var sim = await StartAsync();
        var talking = await sim.ConnectedInboundAsync("101");
        var ringing = sim.CallIn(OtherCaller, "102");

        // The first server stops: its link closes, and the PBX goes on without it.
        await sim.Pbx.DisposeAsync();
        await Refused.ByPbx(() => sim.Pbx.DropAsync(Key(talking, "101"), CancellationToken.None), "The PBX link is down");

        await sim.Pbx.ConnectAsync(CancellationToken.None);
        await using var facts = sim.Pbx.ReadFactsAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await facts.MoveNextAsync());
        Assert.Equal(new PbxLinkChanged(true, null), facts.Current);
        Assert.True(await facts.MoveNextAsync());
        Assert.Equal(
            [
                new CallAppeared(Key(talking, "101"), talking, CallDirection.Incoming, Caller, null, "101") { AlreadyAnswered = true, Age = TimeSpan.Zero, AnsweredAge = TimeSpan.Zero },
                new CallAppeared(Key(ringing, "102"), ringing, CallDirection.Incoming, OtherCaller, null, "102") { Age = TimeSpan.Zero },
            ],
            Assert.IsType<ActiveCallsReported>(facts.Current).Calls);
        await sim.Pbx.DropAsync(Key(talking, "101"), CancellationToken.None);
        Assert.True(await facts.MoveNextAsync());
        Assert.Equal(Key(talking, "101"), Assert.IsType<CallEnded>(facts.Current).Key);
    }

    [Fact]
    public async Task Commands_before_connecting_are_refused()
    {
        await using var pbx = new SimulatedPbx(Microsoft.Extensions.Options.Options.Create(new SimulatorOptions()), TimeProvider.System);

        await Refused.ByPbx(() => pbx.MakeCallAsync("101", "102", CancellationToken.None), "The PBX link is down");
    }
}
