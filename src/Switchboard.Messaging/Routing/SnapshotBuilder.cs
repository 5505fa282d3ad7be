using Switchboard.Contracts;
using Switchboard.Messaging.Mapping;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging.Routing;

/// <summary>What a user's client needs to show their lines as they are now.</summary>
internal static class SnapshotBuilder
{
    public static ActiveCallSnapshotEvent Build(CallTracker tracker, IEnumerable<string> lines, DateTimeOffset now)
    {
        var snapshots = lines.Select(tracker.Snapshot).ToList();
        return new ActiveCallSnapshotEvent(
            [.. snapshots.SelectMany(s => s.ActiveCalls).Select(c => ContractMapper.ToDto(c, now))],
            [.. snapshots.Select(s => new CurrentCallChangedEvent(s.Line, s.CurrentCallId))]);
    }

    public static IReadOnlyList<LineInfo> Lines(CallTracker tracker, IEnumerable<string> lines) =>
        [.. lines.Select(tracker.Snapshot).Select(s => new LineInfo(
            s.Line,
            ContractMapper.ToDto(s.AgentStatus),
            s.CallCentreMode,
            ContractMapper.ToDto(s.Operations)))];
}
