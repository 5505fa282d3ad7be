using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

/// <summary>
/// The built-in PBX: an in-process model of calls between extensions and outside numbers.
/// It reports what happens as <see cref="PbxFact"/>s and decides nothing about the state a client
/// sees (the call tracker does). The outside world (callers, called numbers) is played through
/// the methods in SimulatedPbx.OutsideWorld.cs, which the HTTP endpoints call.
/// All state is guarded by one lock, and facts are written while holding it, so they are in model order.
/// </summary>
public sealed partial class SimulatedPbx : IPbxConnector
{
    private static readonly PbxCapabilities SimulatorCapabilities = new(
        CallOperations.Dial | CallOperations.Answer | CallOperations.Drop | CallOperations.Hold
        | CallOperations.Unhold | CallOperations.SetupTransfer | CallOperations.CompleteTransfer
        | CallOperations.CancelTransfer | CallOperations.BlindTransfer | CallOperations.MakeConsultCall
        | CallOperations.Dtmf | CallOperations.Mute | CallOperations.Conference,
        WrapUp: true,
        CallCentreMode: true,
        CallRecording: true,
        Listen: true)
    {
        Whisper = true,
        Barge = true,
    };

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    // The facts of the server's link that is open now; a server that connects after the last one
    // closed its link gets a new stream, as a new AMI connection would.
    private Channel<PbxFact> _facts = NewFactStream();

    private readonly Dictionary<string, SimLine> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<CallKey, LineEnd> _lineEnds = [];

    // Outside parties by the sim call they came in or were called in, which keeps naming them over HTTP after a transfer.
    private readonly Dictionary<string, ExternalEnd> _outsideParties = new(StringComparer.Ordinal);
    private long _lastCallNumber;
    private long _lastSequence;

    // A server's link is open (connected and not yet disposed by that server).
    private bool _attached;

    // Why the link is broken, while a test simulates an outage; the PBX itself goes on meanwhile.
    private string? _outage;

    public SimulatedPbx(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        var failures = SimulatorOptionsValidator.Check(_options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _time = time;
        var order = 0;
        foreach (var extension in _options.Extensions)
        {
            _lines.Add(extension, new SimLine(extension, order++));
        }

        foreach (var queue in _options.Queues)
        {
            _queues.Add(queue.Number, new SimQueue(queue.Number, queue.Name));
        }
    }

    public string Name => "Simulator";

    public PbxCapabilities Capabilities => SimulatorCapabilities;

    /// <summary>
    /// Opens a server's link: the link comes up and the calls active now are reported, so a server
    /// that starts while calls are in progress (after a restart) takes them up as they are. The PBX
    /// outlives the link: a server that closed its link (by disposing it) and a new one that connects
    /// to the same instance see the same calls, as with a PBX outside the server.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            // A second connect on an open link changes nothing: it must not undo a simulated outage.
            if (!_attached)
            {
                _attached = true;
                ReportLinkUp();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The facts of the link opened last; a server that connects after another closed its link reads them anew.</summary>
    public IAsyncEnumerable<PbxFact> ReadFactsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _facts.Reader.ReadAllAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<CallAppeared>> GetActiveCallsAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<CallAppeared>>(cancellationToken);
        }

        lock (_gate)
        {
            return IsLinkUp
                ? Task.FromResult<IReadOnlyList<CallAppeared>>(ActiveCallFacts())
                : Task.FromException<IReadOnlyList<CallAppeared>>(LinkDown());
        }
    }

    /// <summary>For tests: the link to the PBX breaks. Facts stop and commands are refused until <see cref="SimulateLinkUp"/>.</summary>
    public void SimulateLinkDown(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (IsLinkUp)
            {
                _facts.Writer.TryWrite(new PbxLinkChanged(false, reason));
            }

            _outage ??= reason;
        }
    }

    /// <summary>For tests: the link comes back, followed by the calls active now, as after a reconnect.</summary>
    public void SimulateLinkUp()
    {
        lock (_gate)
        {
            if (_outage is null)
            {
                return;
            }

            _outage = null;
            ReportLinkUp();
        }
    }

    /// <summary>
    /// Closes the server's link: its facts end and commands are refused. The PBX goes on (calls keep
    /// ringing and talking) and a later <see cref="ConnectAsync"/> takes it up again.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _attached = false;
            _facts.Writer.TryComplete();
            _facts = NewFactStream();
        }

        return ValueTask.CompletedTask;
    }

    private bool IsLinkUp => _attached && _outage is null;

    private static Channel<PbxFact> NewFactStream() =>
        Channel.CreateUnbounded<PbxFact>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The link is up: says so, then lists the calls active now. Called under the lock.</summary>
    private void ReportLinkUp()
    {
        if (!IsLinkUp)
        {
            return;
        }

        _facts.Writer.TryWrite(new PbxLinkChanged(true, null));
        _facts.Writer.TryWrite(new ActiveCallsReported(ActiveCallFacts()));
    }

    private List<CallAppeared> ActiveCallFacts() =>
        [.. _lineEnds.Values.OrderBy(e => e.Sequence).Select(e => e.ToAppeared(forResync: true, _time.GetUtcNow()))];

    /// <summary>Reports a fact, and the raw message that goes with a fact about a line. Called under the lock.</summary>
    private void Emit(PbxFact fact)
    {
        // The PBX knows when its calls were answered, whether or not anyone hears of it now.
        if (fact is CallAnswered answered && _lineEnds.TryGetValue(answered.Key, out var end))
        {
            end.AnsweredAt ??= _time.GetUtcNow();
        }

        // While the link is down the PBX goes on, but nobody hears of it: the resync after it comes back tells.
        if (!IsLinkUp)
        {
            return;
        }

        _facts.Writer.TryWrite(fact);
        if (RawMessageFormatter.Format(fact) is { } raw)
        {
            _facts.Writer.TryWrite(raw);
        }
    }

    /// <summary>Runs a command of the connector under the lock; a refusal comes back as a faulted task.</summary>
    private Task Command(Action command, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            lock (_gate)
            {
                if (!IsLinkUp)
                {
                    throw LinkDown();
                }

                command();
                DispatchQueues();
            }

            return Task.CompletedTask;
        }
        catch (PbxCommandException refused)
        {
            return Task.FromException(refused);
        }
    }

    private static PbxCommandException LinkDown() => new("The PBX link is down");

    private string NextCallId() => $"sim-{++_lastCallNumber}";

    private long NextSequence() => ++_lastSequence;
}
