using Microsoft.Extensions.Time.Testing;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator.Tests;

/// <summary>
/// A connected simulator on a fake clock, and the facts it emits read one at a time, each read with a
/// timeout so that no test can hang. Raw messages are skipped unless asked for.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string Caller = "+74951234567";
    public const string OtherCaller = "+74957654321";
    public const string OutsideNumber = "984951112233";

    /// <summary>A line no test uses: a report about it marks the end of the facts a step produced.</summary>
    public const string MarkerLine = "199";

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<PbxFact> _facts;
    private readonly bool _includeRaw;

    private SimulatorHarness(SimulatedPbx pbx, FakeTimeProvider time, SimulatorOptions options, bool includeRaw)
    {
        Pbx = pbx;
        Time = time;
        Options = options;
        _includeRaw = includeRaw;
        _facts = Pbx.ReadFactsAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
    }

    public FakeTimeProvider Time { get; }

    public SimulatedPbx Pbx { get; }

    public SimulatorOptions Options { get; }

    public static async Task<SimulatorHarness> StartAsync(Action<SimulatorOptions>? configure = null, bool includeRaw = false)
    {
        var options = new SimulatorOptions();
        options.Extensions.Add(MarkerLine);
        configure?.Invoke(options);
        var time = NewClock();
        return await AttachAsync(new SimulatedPbx(Microsoft.Extensions.Options.Options.Create(options), time), time, options, includeRaw);
    }

    /// <summary>Connects a simulator made elsewhere (by a host) and reads its facts.</summary>
    public static async Task<SimulatorHarness> AttachAsync(SimulatedPbx pbx, FakeTimeProvider time, SimulatorOptions options, bool includeRaw = false)
    {
        var harness = new SimulatorHarness(pbx, time, options, includeRaw);
        await pbx.ConnectAsync(CancellationToken.None);
        Assert.Equal(new PbxLinkChanged(true, null), await harness.NextFactAsync());
        Assert.Empty(Assert.IsType<ActiveCallsReported>(await harness.NextFactAsync()).Calls);
        return harness;
    }

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static CallKey Key(string pbxCallId, string line) => new(pbxCallId, line);

    public async Task<PbxFact> NextFactAsync()
    {
        while (true)
        {
            var more = await _facts.MoveNextAsync().AsTask().WaitAsync(ReadTimeout);
            Assert.True(more, "The simulator's fact stream ended.");
            if (_includeRaw || _facts.Current is not RawPbxMessage)
            {
                return _facts.Current;
            }
        }
    }

    public async Task<T> NextAsync<T>()
        where T : PbxFact => Assert.IsType<T>(await NextFactAsync());

    /// <summary>The next facts are exactly these, in this order.</summary>
    public async Task ExpectAsync(params PbxFact[] expected)
    {
        foreach (var fact in expected)
        {
            Assert.Equal(fact, await NextFactAsync());
        }
    }

    /// <summary>Nothing but what was already read came before now (needs the link up).</summary>
    public async Task ExpectNoMoreFactsAsync()
    {
        await Pbx.SetCallCentreModeAsync(MarkerLine, false, CancellationToken.None);
        Assert.Equal(new CallCentreModeReported(MarkerLine, false), await NextFactAsync());
        if (_includeRaw)
        {
            Assert.Equal(MarkerLine, (await NextAsync<RawPbxMessage>()).Line);
        }
    }

    /// <summary>Every fact emitted until now, in order (needs the link up).</summary>
    public async Task<List<PbxFact>> DrainAsync()
    {
        await Pbx.SetCallCentreModeAsync(MarkerLine, false, CancellationToken.None);
        var facts = new List<PbxFact>();
        while (await NextFactAsync() is var fact && fact != new CallCentreModeReported(MarkerLine, false))
        {
            facts.Add(fact);
        }

        return facts;
    }

    /// <summary>An outside number calls <paramref name="to"/>; returns the sim call id.</summary>
    public string CallIn(string from, string to)
    {
        var result = Pbx.PlaceInboundCall(from, to);
        Assert.True(result.Succeeded, result.Message);
        return result.CallId!;
    }

    /// <summary>An outside caller talking to <paramref name="line"/>, its facts read.</summary>
    public async Task<string> ConnectedInboundAsync(string line, string from = Caller)
    {
        var id = CallIn(from, line);
        await NextAsync<CallAppeared>();
        await Pbx.AnswerAsync(Key(id, line), CancellationToken.None);
        await ExpectAsync(new CallAnswered(Key(id, line)));
        return id;
    }

    /// <summary><paramref name="caller"/> talking to <paramref name="callee"/>, its facts read.</summary>
    public async Task<string> ConnectedInternalAsync(string caller, string callee)
    {
        await Pbx.MakeCallAsync(caller, callee, CancellationToken.None);
        var id = (await NextAsync<CallAppeared>()).Key.PbxCallId;
        await NextAsync<CallAppeared>();
        await Pbx.AnswerAsync(Key(id, callee), CancellationToken.None);
        await ExpectAsync(new CallAnswered(Key(id, callee)), new CallAnswered(Key(id, caller)));
        return id;
    }

    /// <summary><paramref name="line"/> talking to an outside number, its facts read.</summary>
    public async Task<string> ConnectedOutgoingAsync(string line, string number = OutsideNumber)
    {
        await Pbx.MakeCallAsync(line, number, CancellationToken.None);
        var id = (await NextAsync<CallAppeared>()).Key.PbxCallId;
        Assert.True(Pbx.AnswerAsOutsideParty(id).Succeeded);
        await ExpectAsync(new CallAnswered(Key(id, line)));
        return id;
    }

    public async Task ChangeModeAsync(string line, bool enabled)
    {
        await Pbx.SetCallCentreModeAsync(line, enabled, CancellationToken.None);
        await ExpectAsync(new CallCentreModeReported(line, enabled));
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the simulator completes the stream, so the reader's last read ends before it is disposed.
        await Pbx.DisposeAsync();
        await _facts.DisposeAsync();
        _stop.Dispose();
    }
}

/// <summary>Assertions on a command the simulator must refuse.</summary>
internal static class Refused
{
    public static async Task<PbxCommandException> ByPbx(Func<Task> command, string expectedInMessage)
    {
        var refused = await Assert.ThrowsAsync<PbxCommandException>(command);
        Assert.Contains(expectedInMessage, refused.Message, StringComparison.Ordinal);
        return refused;
    }
}
