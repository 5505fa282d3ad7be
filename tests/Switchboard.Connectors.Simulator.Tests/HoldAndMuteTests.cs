using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class HoldAndMuteTests
{
    [Fact]
    public async Task Hold_and_unhold_report_the_call_held_and_unheld()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.HoldAsync(Key(id, "101"), CancellationToken.None);
        Assert.Equal("held", Assert.Single(sim.Pbx.ListCalls()).Callee!.State);
        await sim.Pbx.UnholdAsync(Key(id, "101"), CancellationToken.None);

        await sim.ExpectAsync(new CallHeld(Key(id, "101")), new CallUnheld(Key(id, "101")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Hold_is_refused_while_the_call_rings()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");

        await Refused.ByPbx(
            () => sim.Pbx.HoldAsync(Key(id, "101"), CancellationToken.None),
            $"Call {id} on line 101 is not answered yet, so it cannot be put on hold.");
    }

    [Fact]
    public async Task Hold_is_refused_when_already_held_and_unhold_when_not_held()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await Refused.ByPbx(() => sim.Pbx.UnholdAsync(Key(id, "101"), CancellationToken.None), "is not on hold");
        await sim.Pbx.HoldAsync(Key(id, "101"), CancellationToken.None);
        await Refused.ByPbx(() => sim.Pbx.HoldAsync(Key(id, "101"), CancellationToken.None), "is already on hold");

        await sim.ExpectAsync(new CallHeld(Key(id, "101")));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Mute_and_unmute_report_the_change()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.SetMuteAsync(Key(id, "101"), true, CancellationToken.None);
        await sim.Pbx.SetMuteAsync(Key(id, "101"), false, CancellationToken.None);

        await sim.ExpectAsync(new CallMuteChanged(Key(id, "101"), true), new CallMuteChanged(Key(id, "101"), false));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Mute_is_refused_while_the_call_rings()
    {
        await using var sim = await StartAsync();
        var id = sim.CallIn(Caller, "101");

        await Refused.ByPbx(() => sim.Pbx.SetMuteAsync(Key(id, "101"), true, CancellationToken.None), "cannot be muted");
    }
}
