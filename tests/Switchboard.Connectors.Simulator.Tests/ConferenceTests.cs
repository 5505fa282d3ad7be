using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class ConferenceTests
{
    [Fact]
    public async Task A_consultation_merged_into_a_conference_brings_the_held_party_back_and_joins_every_end()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None);
        await sim.Pbx.AnswerAsync(Key("sim-2", "102"), CancellationToken.None);
        await sim.DrainAsync();

        await sim.Pbx.ConferenceAsync(Key(id, "101"), Key("sim-2", "101"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallUnheld(Key(id, "101")),
            new ConferenceJoined("conf-1", "conf-1", $"{Caller}@conf-1-0", new ConferenceMember(Caller, null, null), null),
            new ConferenceJoined("conf-1", "conf-1", Key(id, "101").ToString(), new ConferenceMember("101", null, "101"), Key(id, "101")),
            new ConferenceJoined("conf-1", "conf-1", Key("sim-2", "101").ToString(), new ConferenceMember("101", null, "101"), Key("sim-2", "101")),
            new ConferenceJoined("conf-1", "conf-1", Key("sim-2", "102").ToString(), new ConferenceMember("102", null, "102"), Key("sim-2", "102")));
    }

    [Fact]
    public async Task A_consultation_that_is_not_answered_yet_cannot_be_merged()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None);

        await Refused.ByPbx(() => sim.Pbx.ConferenceAsync(Key(id, "101"), Key("sim-2", "101"), CancellationToken.None), "is not answered yet");
    }
}
