using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class ListenTests
{
    [Fact]
    public async Task Supervisor_listens_in_a_call_of_its_own_in_the_same_conversation()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Listen, CancellationToken.None);

        await sim.ExpectAsync(
            new CallAppeared(Key("sim-2", "103"), id, CallDirection.Internal, "103", null, "101")
            {
                IsListening = true,
                SupervisedCall = Key(id, "101"),
            },
            new CallAnswered(Key("sim-2", "103")));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal($"{id}@101", sim.Pbx.ListCalls()[1].ListeningTo);
    }

    [Theory]
    [InlineData(SupervisionMode.Whisper)]
    [InlineData(SupervisionMode.Barge)]
    public async Task Supervisor_whispers_or_barges_in_a_call_that_names_the_mode_and_the_agents_call(SupervisionMode mode)
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");

        await sim.Pbx.ListenAsync("103", Key(id, "101"), mode, CancellationToken.None);

        await sim.ExpectAsync(
            new CallAppeared(Key("sim-2", "103"), id, CallDirection.Internal, "103", null, "101")
            {
                IsListening = true,
                SupervisionMode = mode,
                SupervisedCall = Key(id, "101"),
            },
            new CallAnswered(Key("sim-2", "103")));
    }

    [Fact]
    public async Task Listening_ends_when_the_listened_line_finishes()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Listen, CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAnswered>();

        await sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Normal, HangupSide.Local),
            new CallEnded(Key("sim-2", "103"), HangupCause.Normal, HangupSide.Remote));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Empty(sim.Pbx.ListCalls());
    }

    [Fact]
    public async Task Listening_ends_when_the_listened_line_transfers_the_call_away()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Listen, CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAnswered>();

        await sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);

        await sim.ExpectAsync(
            new CallEnded(Key(id, "101"), HangupCause.Transferred, HangupSide.Local) { TransferTarget = "102" },
            new CallEnded(Key("sim-2", "103"), HangupCause.Normal, HangupSide.Remote));
    }

    [Fact]
    public async Task Supervisor_dropping_the_listening_call_ends_only_that_call()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Listen, CancellationToken.None);
        await sim.NextAsync<CallAppeared>();
        await sim.NextAsync<CallAnswered>();

        await sim.Pbx.DropAsync(Key("sim-2", "103"), CancellationToken.None);

        await sim.ExpectAsync(new CallEnded(Key("sim-2", "103"), HangupCause.Normal, HangupSide.Local));
        await sim.ExpectNoMoreFactsAsync();
        Assert.Equal(id, Assert.Single(sim.Pbx.ListCalls()).Id);
    }

    [Fact]
    public async Task Listening_call_can_only_be_dropped()
    {
        await using var sim = await StartAsync();
        var id = await sim.ConnectedInboundAsync("101");
        await sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Listen, CancellationToken.None);

        await Refused.ByPbx(() => sim.Pbx.HoldAsync(Key("sim-2", "103"), CancellationToken.None), "is a supervisor listening in; it can only be dropped");
        await Refused.ByPbx(() => sim.Pbx.BlindTransferAsync(Key("sim-2", "103"), "102", CancellationToken.None), "can only be dropped");
        await Refused.ByPbx(() => sim.Pbx.ListenAsync("104", Key("sim-2", "103"), SupervisionMode.Listen, CancellationToken.None), "is itself a supervisor listening in");
    }

    [Fact]
    public async Task Listening_to_a_ringing_call_to_its_own_line_or_from_an_unknown_line_is_refused()
    {
        await using var sim = await StartAsync();
        var ringing = sim.CallIn(Caller, "101");
        await sim.NextAsync<CallAppeared>();
        var talking = await sim.ConnectedInboundAsync("102", OtherCaller);

        await Refused.ByPbx(() => sim.Pbx.ListenAsync("103", Key(ringing, "101"), SupervisionMode.Listen, CancellationToken.None), "is not answered yet");
        await Refused.ByPbx(() => sim.Pbx.ListenAsync("102", Key(talking, "102"), SupervisionMode.Listen, CancellationToken.None), "Line 102 cannot listen to its own call");
        await Refused.ByPbx(() => sim.Pbx.ListenAsync("555", Key(talking, "102"), SupervisionMode.Listen, CancellationToken.None), "Line 555 is not an extension");
    }
}
