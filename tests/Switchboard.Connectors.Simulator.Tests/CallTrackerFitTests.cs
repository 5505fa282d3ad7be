using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

/// <summary>The simulator's facts fed into a real call tracker: the calls users see must come out right.</summary>
public sealed class CallTrackerFitTests
{
    [Fact]
    public async Task Outside_number_that_is_busy_is_a_busy_call()
    {
        await using var fit = await Fit.StartAsync();
        await fit.Sim.Pbx.MakeCallAsync("101", OutsideNumber, CancellationToken.None);
        await fit.PumpAsync();

        fit.Sim.Pbx.RespondBusyAsOutsideParty("sim-1");
        await fit.PumpAsync();

        Assert.Contains(fit.Events, e => e is CallChanged { Kind: CallChangeKind.Busy });
        Assert.Equal(CallEndReason.Busy, fit.Finished(Key("sim-1", "101")).EndReason);
    }

    [Fact]
    public async Task Inbound_call_nobody_answers_is_missed()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");

        fit.Sim.Time.Advance(fit.Sim.Options.NoAnswerTimeout);
        await fit.PumpAsync();

        var call = fit.Finished(Key(id, "101"));
        Assert.Equal(CallEndReason.Missed, call.EndReason);
        Assert.Equal(Caller, call.RemoteNumber);
    }

    [Fact]
    public async Task Caller_hanging_up_before_an_answer_is_abandoned()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.PumpAsync();

        fit.Sim.Pbx.HangUpAsOutsideParty(id);
        await fit.PumpAsync();

        Assert.Equal(CallEndReason.Abandoned, fit.Finished(Key(id, "101")).EndReason);
    }

    [Fact]
    public async Task Queue_caller_hanging_up_while_a_member_rings_is_abandoned_for_that_member()
    {
        await using var fit = await Fit.StartAsync();
        await fit.Sim.Pbx.SetCallCentreModeAsync("102", true, CancellationToken.None);
        var id = fit.Sim.CallIn(Caller, "600");
        await fit.PumpAsync();

        fit.Sim.Pbx.HangUpAsOutsideParty(id);
        await fit.PumpAsync();

        Assert.Equal(CallEndReason.Abandoned, fit.Finished(Key($"{id}.1", "102")).EndReason);
        Assert.Contains(fit.Events, e => e is CallCentreModeChanged { LineNumber: "102", Enabled: true });
    }

    [Fact]
    public async Task Line_rejecting_a_ringing_call_is_rejected()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.PumpAsync();

        await fit.Sim.Pbx.DropAsync(Key(id, "101"), CancellationToken.None);
        await fit.PumpAsync();

        Assert.Equal(CallEndReason.Rejected, fit.Finished(Key(id, "101")).EndReason);
    }

    [Fact]
    public async Task Answered_internal_call_is_completed_on_both_lines_with_its_talk_time()
    {
        await using var fit = await Fit.StartAsync();
        await fit.Sim.Pbx.MakeCallAsync("101", "102", CancellationToken.None);
        await fit.Sim.Pbx.AnswerAsync(Key("sim-1", "102"), CancellationToken.None);
        await fit.PumpAsync();
        fit.Sim.Time.Advance(TimeSpan.FromSeconds(90));

        await fit.Sim.Pbx.DropAsync(Key("sim-1", "101"), CancellationToken.None);
        await fit.PumpAsync();

        var caller = fit.Finished(Key("sim-1", "101"));
        var callee = fit.Finished(Key("sim-1", "102"));
        Assert.Equal((CallEndReason.Completed, CallEndReason.Completed), (caller.EndReason, callee.EndReason));
        Assert.Equal(TimeSpan.FromSeconds(90), caller.TalkTimeAt(caller.EndedAt!.Value));
        Assert.True(caller.IsPlacedByLine);
        Assert.False(callee.IsPlacedByLine);
    }

    [Fact]
    public async Task Blind_transfer_is_a_transferred_call_for_the_transferring_line_and_a_redirected_one_for_the_target()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.Sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        await fit.PumpAsync();
        Assert.True(fit.Tracker.FindCall(Key(id, "101"))!.Operations.HasFlag(CallOperations.BlindTransfer));

        await fit.Sim.Pbx.BlindTransferAsync(Key(id, "101"), "102", CancellationToken.None);
        await fit.Sim.Pbx.AnswerAsync(Key("sim-2", "102"), CancellationToken.None);
        fit.Sim.Pbx.HangUpAsOutsideParty(id);
        await fit.PumpAsync();

        var transferred = fit.Finished(Key(id, "101"));
        Assert.Equal((CallEndReason.Transferred, "102"), (transferred.EndReason, transferred.RedirectedTo));
        var target = fit.Finished(Key("sim-2", "102"));
        Assert.Equal((CallEndReason.Completed, "101", Caller, id), (target.EndReason, target.RedirectedFrom, target.RemoteNumber, target.ConversationId));
    }

    [Fact]
    public async Task Attended_transfer_ends_both_calls_of_the_transferring_line_as_transferred_and_gives_the_target_the_caller()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.Sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        await fit.Sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None);
        await fit.Sim.Pbx.AnswerAsync(Key("sim-2", "102"), CancellationToken.None);
        await fit.PumpAsync();
        var consultation = fit.Tracker.FindCall(Key("sim-2", "101"))!;
        Assert.Equal(fit.Tracker.FindCall(Key(id, "101"))!.Id, consultation.ParentCallId);
        Assert.True(consultation.Operations.HasFlag(CallOperations.CompleteTransfer));

        await fit.Sim.Pbx.CompleteTransferAsync(Key(id, "101"), Key("sim-2", "101"), CancellationToken.None);
        fit.Sim.Time.Advance(TimeSpan.FromSeconds(30));
        fit.Sim.Pbx.HangUpAsOutsideParty(id);
        await fit.PumpAsync();

        Assert.Equal(CallEndReason.Transferred, fit.Finished(Key(id, "101")).EndReason);
        Assert.Equal(CallEndReason.Transferred, fit.Finished(Key("sim-2", "101")).EndReason);
        var target = fit.Finished(Key("sim-2", "102"));
        Assert.Equal(
            (CallEndReason.Completed, CallDirection.Incoming, Caller, "101"),
            (target.EndReason, target.Direction, target.RemoteNumber, target.RedirectedFrom));
    }

    [Fact]
    public async Task Cancelled_consultation_gives_the_held_call_back_to_the_line()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.Sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        await fit.Sim.Pbx.MakeConsultCallAsync(Key(id, "101"), "102", CancellationToken.None);
        await fit.PumpAsync();
        Assert.True(fit.Tracker.FindCall(Key(id, "101"))!.Operations.HasFlag(CallOperations.CancelTransfer));

        await fit.Sim.Pbx.CancelTransferAsync(Key(id, "101"), Key("sim-2", "101"), CancellationToken.None);
        await fit.PumpAsync();

        Assert.Equal(CallEndReason.Abandoned, fit.Finished(Key("sim-2", "101")).EndReason);
        Assert.Equal(CallEndReason.Abandoned, fit.Finished(Key("sim-2", "102")).EndReason);
        Assert.Equal(CallState.Connected, fit.Tracker.FindCall(Key(id, "101"))!.State);
    }

    [Fact]
    public async Task Tracker_resynchronises_with_the_calls_active_after_the_link_comes_back()
    {
        await using var fit = await Fit.StartAsync();
        var ended = fit.Sim.CallIn(Caller, "101");
        await fit.Sim.Pbx.AnswerAsync(Key(ended, "101"), CancellationToken.None);
        await fit.PumpAsync();
        fit.Sim.Pbx.SimulateLinkDown("cable cut");
        fit.Sim.Pbx.HangUpAsOutsideParty(ended);
        var started = fit.Sim.CallIn(OtherCaller, "102");

        fit.Sim.Pbx.SimulateLinkUp();
        await fit.PumpAsync();

        Assert.Equal(CallEndReason.Completed, fit.Finished(Key(ended, "101")).EndReason);
        Assert.Equal(CallState.Alerting, fit.Tracker.FindCall(Key(started, "102"))!.State);
        Assert.True(fit.Tracker.IsPbxLinkUp);
    }

    [Fact]
    public async Task Supervisor_listening_call_is_a_listening_call_that_ends_with_the_listened_one()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.Sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        await fit.Sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Listen, CancellationToken.None);
        await fit.PumpAsync();
        Assert.Equal(CallOperations.Drop, fit.Tracker.FindCall(Key("sim-2", "103"))!.Operations);

        fit.Sim.Pbx.HangUpAsOutsideParty(id);
        await fit.PumpAsync();

        var listening = fit.Finished(Key("sim-2", "103"));
        Assert.True(listening.IsListening);
        Assert.Equal(CallEndReason.Completed, listening.EndReason);
    }

    [Fact]
    public async Task Agent_call_shows_the_whispering_supervisor_while_the_supervisor_call_is_up()
    {
        await using var fit = await Fit.StartAsync();
        var id = fit.Sim.CallIn(Caller, "101");
        await fit.Sim.Pbx.AnswerAsync(Key(id, "101"), CancellationToken.None);
        await fit.Sim.Pbx.ListenAsync("103", Key(id, "101"), SupervisionMode.Whisper, CancellationToken.None);
        await fit.PumpAsync();

        Assert.Equal(new CallSupervision(SupervisionMode.Whisper, "103"), fit.Tracker.FindCall(Key(id, "101"))!.Supervision);
        Assert.Equal(SupervisionMode.Whisper, fit.Tracker.FindCall(Key("sim-2", "103"))!.SupervisionMode);

        await fit.Sim.Pbx.DropAsync(Key("sim-2", "103"), CancellationToken.None);
        await fit.PumpAsync();

        Assert.Null(fit.Tracker.FindCall(Key(id, "101"))!.Supervision);
    }

    /// <summary>A simulator whose facts are pumped into a call tracker on the same fake clock.</summary>
    private sealed class Fit : IAsyncDisposable
    {
        private Fit(SimulatorHarness sim)
        {
            Sim = sim;
            Tracker = new CallTracker(sim.Time, new CallTrackerOptions(), sim.Pbx.Capabilities);
            Events.AddRange(Tracker.Apply(new PbxLinkChanged(true, null)));
        }

        public SimulatorHarness Sim { get; }

        public CallTracker Tracker { get; }

        public List<TrackerEvent> Events { get; } = [];

        public static async Task<Fit> StartAsync() => new(await SimulatorHarness.StartAsync());

        public async Task PumpAsync()
        {
            foreach (var fact in await Sim.DrainAsync())
            {
                Events.AddRange(Tracker.Apply(fact));
            }
        }

        public Call Finished(CallKey key) =>
            ((CallChanged)Assert.Single(Events, e => e is CallChanged { Kind: CallChangeKind.Finished } c && c.Call.Key == key)).Call;

        public ValueTask DisposeAsync() => Sim.DisposeAsync();
    }
}
