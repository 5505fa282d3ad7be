using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>Assertions on calls as the tracker decided them from the mapper's facts.</summary>
internal static class CallAssert
{
    public const string Caller = "+74951234567";
    public const string SecondCaller = "+74957654321";
    public const string Outside = "984951112233";

    public static void Finished(
        Call call,
        CallKey key,
        CallDirection direction,
        string caller,
        string callee,
        CallEndReason reason,
        bool answered = true,
        string? conversation = null)
    {
        Assert.Equal(key, call.Key);
        Assert.Equal(conversation ?? key.PbxCallId, call.ConversationId);
        Assert.Equal(direction, call.Direction);
        Assert.Equal(caller, call.CallerNumber);
        Assert.Equal(callee, call.CalleeNumber);
        Assert.Equal(CallState.Finished, call.State);
        Assert.Equal(reason, call.EndReason);
        if (answered)
        {
            Assert.NotNull(call.AnsweredAt);
        }
        else
        {
            Assert.Null(call.AnsweredAt);
        }
    }

    /// <summary>Only these lines had calls (never a trunk, a carrier or a Local channel), nothing is left active, nothing is kept.</summary>
    public static void OnlyLines(ScenarioRun run, params string[] lines)
    {
        Assert.Equal(lines.Order(StringComparer.Ordinal), run.Lines);
        Assert.Empty(run.Tracker.ActiveCalls());
        Assert.Equal(0, run.Mapper.Counters.Skipped);
        Assert.Equal((0, 0, 0), run.Mapper.Footprint);
    }

    /// <summary>What happened to one call, in order, as the tracker announced it.</summary>
    public static IReadOnlyList<CallChangeKind> Changes(ScenarioRun run, CallKey key) =>
        [.. run.Events.OfType<CallChanged>().Where(e => e.Call.Key == key).Select(e => e.Kind)];
}
