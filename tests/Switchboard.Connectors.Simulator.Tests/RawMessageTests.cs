using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class RawMessageTests
{
    [Fact]
    public async Task Each_fact_about_a_line_is_followed_by_its_raw_message()
    {
        await using var sim = await StartAsync(includeRaw: true);

        var id = sim.CallIn(Caller, "101");
        await sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        await sim.Pbx.SetCallCentreModeAsync("101", true, CancellationToken.None);

        await sim.ExpectAsync(
            new CallAppeared(Key(id, "101"), id, CallDirection.Incoming, Caller, null, "101"),
            new RawPbxMessage("101",
                $"Event: CallAppeared\r\nPbxCallId: {id}\r\nLine: 101\r\nConversationId: {id}\r\nDirection: Incoming\r\n"
                + $"CallerNumber: {Caller}\r\nCalleeNumber: 101\r\n"),
            new CallAnswered(Key(id, "101")),
            new RawPbxMessage("101", $"Event: CallAnswered\r\nPbxCallId: {id}\r\nLine: 101\r\n"),
            new CallCentreModeReported("101", true),
            new RawPbxMessage("101", "Event: CallCentreMode\r\nLine: 101\r\nEnabled: yes\r\n"));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Link_facts_have_no_raw_message()
    {
        await using var sim = await StartAsync(includeRaw: true);

        sim.Pbx.SimulateLinkDown("maintenance");
        sim.Pbx.SimulateLinkUp();

        await sim.ExpectAsync(new PbxLinkChanged(false, "maintenance"), new PbxLinkChanged(true, null));
        Assert.Empty((await sim.NextAsync<ActiveCallsReported>()).Calls);
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Transfer_end_renders_its_cause_side_and_target()
    {
        await using var sim = await StartAsync(includeRaw: true);
        var id = sim.CallIn(Caller, "101");
        await sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await sim.NextFactAsync();
        }

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);

        await sim.NextAsync<CallEnded>();
        Assert.Equal(
            $"Event: CallEnded\r\nPbxCallId: {id}\r\nLine: 101\r\nCause: Transferred\r\nSide: Local\r\nTransferTarget: 102\r\n",
            (await sim.NextAsync<RawPbxMessage>()).Text);
    }
}
