using Microsoft.Extensions.Time.Testing;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Telephony.Tests;

/// <summary>A tracker on a fake clock, with every operation allowed, and shorthands for the facts.</summary>
internal sealed class TrackerFixture
{
    public static readonly PbxCapabilities AllCapabilities = new(
        (CallOperations)((1 << 13) - 1), WrapUp: true, CallCentreMode: true, CallRecording: false, Listen: true);

    public TrackerFixture(CallTrackerOptions? options = null, PbxCapabilities? capabilities = null)
    {
        Tracker = new CallTracker(Time, options ?? new CallTrackerOptions(), capabilities ?? AllCapabilities);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public CallTracker Tracker { get; }

    public IReadOnlyList<TrackerEvent> Apply(PbxFact fact) => Tracker.Apply(fact);

    public Call Inbound(string pbxCallId = "c1", string line = "101", string from = "+74951234567")
    {
        var events = Apply(new CallAppeared(new CallKey(pbxCallId, line), pbxCallId, CallDirection.Incoming, from, null, line));
        return events.OfType<CallChanged>().Single(e => e.Kind == CallChangeKind.Started).Call;
    }

    public Call Outbound(string pbxCallId = "c1", string line = "101", string to = "984951112233")
    {
        var events = Apply(new CallAppeared(new CallKey(pbxCallId, line), pbxCallId, CallDirection.Outgoing, line, null, to));
        return events.OfType<CallChanged>().Single(e => e.Kind == CallChangeKind.Started).Call;
    }

    public Call Connected(string pbxCallId = "c1", string line = "101")
    {
        Inbound(pbxCallId, line);
        Apply(new CallAnswered(new CallKey(pbxCallId, line)));
        return Tracker.FindCall(new CallKey(pbxCallId, line))!;
    }

    public void Advance(int seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public static Call Finished(IReadOnlyList<TrackerEvent> events) =>
        events.OfType<CallChanged>().Single(e => e.Kind == CallChangeKind.Finished).Call;
}
