using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

public sealed class CallRecordingTests
{
    private static readonly CallKey Key = new("c1", "101");

    [Fact]
    public void A_recording_is_announced_as_call_info_and_its_file_stays_on_the_call_after_it_stops_and_ends()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();

        var started = fixture.Apply(new CallRecordingChanged(Key, true, "/spool/monitor/a.wav"));
        var stopped = fixture.Apply(new CallRecordingChanged(Key, false, null));
        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Remote)));

        var info = Assert.Single(started.OfType<CallChanged>());
        Assert.Equal(CallChangeKind.InfoChanged, info.Kind);
        Assert.True(info.Call.Recording);
        Assert.Equal("/spool/monitor/a.wav", info.Call.RecordingFile);
        Assert.False(Assert.Single(stopped.OfType<CallChanged>()).Call.Recording);
        Assert.Equal("/spool/monitor/a.wav", finished.RecordingFile);
        Assert.False(finished.Recording);
    }

    [Fact]
    public void A_call_that_ends_while_recorded_is_no_longer_recording_and_a_repeated_fact_says_nothing()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();
        fixture.Apply(new CallRecordingChanged(Key, true, "a.wav"));

        Assert.Empty(fixture.Apply(new CallRecordingChanged(Key, true, "a.wav")));
        Assert.Empty(fixture.Apply(new CallRecordingChanged(new CallKey("other", "101"), true, "b.wav")));
        var finished = TrackerFixture.Finished(fixture.Apply(new CallEnded(Key, HangupCause.Normal, HangupSide.Local)));
        Assert.False(finished.Recording);
        Assert.Equal("a.wav", finished.RecordingFile);
    }

    [Fact]
    public void A_second_recording_of_the_call_replaces_the_file_the_call_links()
    {
        var fixture = new TrackerFixture();
        fixture.Connected();
        fixture.Apply(new CallRecordingChanged(Key, true, "a.wav"));
        fixture.Apply(new CallRecordingChanged(Key, false, null));

        fixture.Apply(new CallRecordingChanged(Key, true, "b.wav"));

        Assert.Equal("b.wav", fixture.Tracker.FindCall(Key)!.RecordingFile);
    }

    [Fact]
    public void Recording_from_the_panel_is_offered_only_where_allowed_and_only_on_a_connected_call()
    {
        var capable = TrackerFixture.AllCapabilities with { CallRecording = true };
        var off = new TrackerFixture(new CallTrackerOptions(), capable);
        var on = new TrackerFixture(new CallTrackerOptions { RecordFromPanel = true }, capable);
        var offCall = off.Connected();
        var ringing = on.Inbound("c2", "102");
        var call = on.Connected();

        Assert.False(off.Tracker.Capabilities.CallRecording);
        Assert.Equal("operation_not_supported", off.Tracker.CheckRecording(offCall.Id, start: true).ErrorCode);
        Assert.True(on.Tracker.Capabilities.CallRecording);
        Assert.True(on.Tracker.CheckRecording(call.Id, start: true).IsAllowed);
        Assert.Equal("operation_not_allowed", on.Tracker.CheckRecording(call.Id, start: false).ErrorCode);
        Assert.Equal("operation_not_allowed", on.Tracker.CheckRecording(ringing.Id, start: true).ErrorCode);
        on.Apply(new CallRecordingChanged(Key, true, "a.wav"));
        Assert.Equal("operation_not_allowed", on.Tracker.CheckRecording(call.Id, start: true).ErrorCode);
        Assert.True(on.Tracker.CheckRecording(call.Id, start: false).IsAllowed);
    }
}
