using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class DtmfTests
{
    [Fact]
    public async Task Digits_sent_by_a_line_are_seen_on_both_lines_of_an_internal_call()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInternalAsync("101", "102");

        await sim.Pbx.SendDtmfAsync(Key(id, "101"), "1#", CancellationToken.None);

        await sim.ExpectAsync(
            new DtmfSeen(Key(id, "101"), '1'),
            new DtmfSeen(Key(id, "102"), '1'),
            new DtmfSeen(Key(id, "101"), '#'),
            new DtmfSeen(Key(id, "102"), '#'));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Digits_sent_to_an_outside_party_are_seen_on_the_line_only()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedOutgoingAsync("101");

        await sim.Pbx.SendDtmfAsync(Key(id, "101"), "*9A", CancellationToken.None);

        await sim.ExpectAsync(new DtmfSeen(Key(id, "101"), '*'), new DtmfSeen(Key(id, "101"), '9'), new DtmfSeen(Key(id, "101"), 'A'));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Keys_pressed_by_the_outside_party_are_seen_by_the_line()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        Assert.True(sim.Pbx.SendDtmfAsOutsideParty(id, "12#").Succeeded);

        await sim.ExpectAsync(new DtmfSeen(Key(id, "101"), '1'), new DtmfSeen(Key(id, "101"), '2'), new DtmfSeen(Key(id, "101"), '#'));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Theory]
    [InlineData("12x", "'x' is not a DTMF digit")]
    [InlineData("a", "'a' is not a DTMF digit")]
    [InlineData("", "No DTMF digits were given")]
    public async Task Digits_that_are_not_dtmf_are_refused(string digits, string expected)
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await Refused.ByPbx(() => sim.Pbx.SendDtmfAsync(Key(id, "101"), digits, CancellationToken.None), expected);
        Assert.Equal(SimulatorOutcome.Invalid, sim.Pbx.SendDtmfAsOutsideParty(id, digits).Outcome);

        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Dtmf_is_refused_on_a_call_that_is_not_connected()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.HoldAsync(Key(id, "101"), CancellationToken.None);
        var ringing = sim.CallIn(OtherCaller, "102");

        await Refused.ByPbx(() => sim.Pbx.SendDtmfAsync(Key(id, "101"), "1", CancellationToken.None), "cannot send DTMF");
        await Refused.ByPbx(() => sim.Pbx.SendDtmfAsync(Key(ringing, "102"), "1", CancellationToken.None), "is not answered yet");
        Assert.Equal(SimulatorOutcome.Conflict, sim.Pbx.SendDtmfAsOutsideParty(ringing, "1").Outcome);
    }
}
