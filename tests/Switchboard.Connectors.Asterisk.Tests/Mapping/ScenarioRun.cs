using Microsoft.Extensions.Time.Testing;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>
/// A recording played through a mapper into a real call tracker on a fake clock (10 ms per frame): the facts,
/// the tracker's decisions, and every call as it ended up.
/// </summary>
internal sealed class ScenarioRun
{
    public static readonly PbxCapabilities AllCapabilities = new(
        (CallOperations)((1 << 13) - 1), WrapUp: false, CallCentreMode: true, CallRecording: false, Listen: true);

    private readonly Dictionary<Guid, Call> _calls = [];
    private readonly List<Guid> _order = [];

    private ScenarioRun(IReadOnlyList<AmiMessage> frames, AmiMappingOptions? options)
    {
        Frames = frames;
        Mapper = new AmiCallMapper(options);
        Tracker = new CallTracker(Time, new CallTrackerOptions(), AllCapabilities);
    }

    public IReadOnlyList<AmiMessage> Frames { get; }

    public AmiCallMapper Mapper { get; }

    public CallTracker Tracker { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

    public List<PbxFact> Facts { get; } = [];

    public List<TrackerEvent> Events { get; } = [];

    /// <summary>Every call the tracker started, as it is now (finished calls with their end reason), in start order.</summary>
    public IReadOnlyList<Call> Calls => [.. _order.Select(id => _calls[id])];

    public static ScenarioRun Play(string recording, AmiMappingOptions? options = null)
    {
        var run = new ScenarioRun(RecordedFrames.Load(recording), options);
        run.FeedAll();
        return run;
    }

    public static ScenarioRun Play(AmiScript script, AmiMappingOptions? options = null)
    {
        var run = new ScenarioRun(script.Frames, options);
        run.FeedAll();
        return run;
    }

    public static ScenarioRun Prepare(string recording, AmiMappingOptions? options = null) =>
        new(RecordedFrames.Load(recording), options);

    public void FeedAll()
    {
        foreach (var frame in Frames)
        {
            Feed(frame);
        }
    }

    public IReadOnlyList<PbxFact> Feed(AmiMessage frame)
    {
        Time.Advance(TimeSpan.FromMilliseconds(10));
        var facts = Mapper.Map(frame);
        foreach (var fact in facts)
        {
            Apply(fact);
        }

        return facts;
    }

    public void Apply(PbxFact fact)
    {
        Facts.Add(fact);
        foreach (var change in Tracker.Apply(fact))
        {
            Events.Add(change);
            if (change is CallChanged { Call: var call })
            {
                if (!_calls.ContainsKey(call.Id))
                {
                    _order.Add(call.Id);
                }

                _calls[call.Id] = call;
            }
        }
    }

    public IReadOnlyList<Call> CallsOn(string line) =>
        [.. Calls.Where(c => string.Equals(c.Line, line, StringComparison.Ordinal))];

    public Call OnlyCallOn(string line) => Assert.Single(CallsOn(line));

    public IReadOnlyList<string> Lines => [.. Calls.Select(c => c.Line).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The facts about one call, by kind, in order: "Appeared", "Answered", "Held", ...</summary>
    public IReadOnlyList<string> FactKinds(CallKey key) =>
        [.. Facts.Where(f => KeyOf(f) == key).Select(f => f.GetType().Name.Replace("Call", "", StringComparison.Ordinal))];

    public static CallKey? KeyOf(PbxFact fact) => fact switch
    {
        CallAppeared f => f.Key,
        CallAnswered f => f.Key,
        CallHeld f => f.Key,
        CallUnheld f => f.Key,
        CallRemoteBusy f => f.Key,
        CallMuteChanged f => f.Key,
        CallPartyChanged f => f.Key,
        CallEnded f => f.Key,
        DtmfSeen f => f.Key,
        _ => null,
    };

    /// <summary>The value of a key in the first event of a kind that matches, from the recording itself.</summary>
    public string FirstValue(string eventName, string key, Func<AmiMessage, bool>? where = null) =>
        Frames.First(f => string.Equals(f.EventName, eventName, StringComparison.OrdinalIgnoreCase) && (where?.Invoke(f) ?? true))[key]!;
}
