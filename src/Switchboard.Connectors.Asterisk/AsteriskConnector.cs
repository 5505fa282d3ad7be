using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Connectors.Asterisk.Setup;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

/// <summary>
/// Asterisk as the PBX, over one AMI connection for all users. AMI events go through the
/// <see cref="AmiCallMapper"/> to become facts; commands become the AMI actions of <see cref="AsteriskActions"/>.
/// After every (re)connection the active calls are read with CoreShowChannels, queue membership and pauses
/// with QueueStatus and the lines' presence with PresenceStateList, so the tracker can reconcile what happened
/// while the link was down.
/// </summary>
public sealed partial class AsteriskConnector : IPbxConnector
{
    private const CallOperations Operations =
        CallOperations.Dial | CallOperations.Drop | CallOperations.Hold | CallOperations.Unhold
        | CallOperations.BlindTransfer | CallOperations.MakeConsultCall | CallOperations.SetupTransfer
        | CallOperations.CompleteTransfer | CallOperations.CancelTransfer | CallOperations.Dtmf | CallOperations.Mute
        | CallOperations.Conference;

    private readonly AmiConnection _ami;
    private readonly AmiCallMapper _mapper;
    private readonly AsteriskOptions _options;
    private readonly ILogger<AsteriskConnector> _logger;
    private readonly Channel<PbxFact> _facts = Channel.CreateUnbounded<PbxFact>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly HoldBook _holds = new();
    private readonly AgentStateBook _agents = new();
    private readonly AsteriskSetupCheck _setupCheck;
    private readonly QueueWrapUpReader _queueWrapUp;
    private Task _running = Task.CompletedTask;
    private long _clickToCalls;
    private int _disposed;

    public AsteriskConnector(
        AmiConnection ami,
        AmiCallMapper mapper,
        IOptions<AsteriskOptions> options,
        ILogger<AsteriskConnector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ami = ami;
        _mapper = mapper;
        _options = options.Value;
        _logger = logger;
        _setupCheck = new AsteriskSetupCheck(ami, _options, logger);
        _queueWrapUp = new QueueWrapUpReader(ami, mapper, logger);
        // Conferencing needs the three-way feature code; without one it is not offered at all.
        var operations = string.IsNullOrEmpty(_options.ThreeWayCode) ? Operations & ~CallOperations.Conference : Operations;
        Capabilities = new PbxCapabilities(operations, WrapUp: true, CallCentreMode: true, CallRecording: true, Listen: true)
        {
            Whisper = true,
            Barge = true,
            LineOperations = _options.RemoteAnswerLines.ToDictionary(
                line => line,
                _ => operations | CallOperations.Answer,
                StringComparer.Ordinal),
        };
    }

    public string Name => "Asterisk";

    public PbxCapabilities Capabilities { get; }

    /// <summary>Starts the link and returns at once: while Asterisk is unreachable the system runs and says the PBX is down.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<PbxFact> ReadFactsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var fact in _facts.Reader.ReadAllAsync(cancellationToken))
        {
            yield return fact;
        }
    }

    public async Task<IReadOnlyList<CallAppeared>> GetActiveCallsAsync(CancellationToken cancellationToken)
    {
        var list = await _ami.SendListActionAsync(AsteriskActions.CoreShowChannels(), cancellationToken);
        return _mapper.Resync(list.Events).Calls;
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this both as itself and as IPbxConnector.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _ami.DisposeAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        _stopping.Dispose();
        _facts.Writer.TryComplete();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var connecting = ConnectLinkAsync(cancellationToken);
        var events = _ami.Events;
        var links = _ami.LinkChanges;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Link news first: facts after a reconnection must follow the resync, not precede it.
            while (links.TryRead(out var change))
            {
                await OnLinkChangeAsync(change, cancellationToken);
            }

            if (events.TryRead(out var message))
            {
                Publish(message, _mapper.Map(message));
                continue;
            }

            var waitEvents = events.WaitToReadAsync(cancellationToken).AsTask();
            var waitLinks = links.WaitToReadAsync(cancellationToken).AsTask();
            var ready = await Task.WhenAny(waitEvents, waitLinks);
            if (!await ready)
            {
                break;
            }
        }

        await connecting;
    }

    private async Task ConnectLinkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ami.ConnectAsync(cancellationToken);
        }
        catch (AmiAuthenticationException refused)
        {
            LogLoginRefused(refused.Message);
            _facts.Writer.TryWrite(new PbxLinkChanged(false, "Asterisk refused the AMI login: check Asterisk:Username and Asterisk:Secret."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before the link came up.
        }
    }

    private async Task OnLinkChangeAsync(AmiLinkChange change, CancellationToken cancellationToken)
    {
        if (!change.IsUp)
        {
            if (change.State is AmiConnectionState.Reconnecting or AmiConnectionState.Closed)
            {
                _facts.Writer.TryWrite(new PbxLinkChanged(false, change.Reason));
            }

            return;
        }

        _facts.Writer.TryWrite(new PbxLinkChanged(true, null));
        try
        {
            var list = await _ami.SendListActionAsync(AsteriskActions.CoreShowChannels(), cancellationToken);
            _facts.Writer.TryWrite(_mapper.Resync(list.Events));
            var queues = await _ami.SendListActionAsync(AsteriskActions.QueueStatus(), cancellationToken);
            var resync = _mapper.ResyncQueues(queues.Events);
            foreach (var fact in resync.Facts)
            {
                _facts.Writer.TryWrite(_agents.Translate(fact));
            }

            var presences = await _ami.SendListActionAsync(AsteriskActions.PresenceStateList(), cancellationToken);
            foreach (var fact in _mapper.ResyncPresence(presences.Events))
            {
                _facts.Writer.TryWrite(_agents.Translate(fact));
            }

            await _queueWrapUp.ReadAsync(resync.Queues, cancellationToken);
            await _setupCheck.RunAsync(resync, cancellationToken);
        }
        catch (Exception failed) when (failed is AmiActionTimeoutException or AmiConnectionLostException)
        {
            // The link went down again before the list came; the next link-up resyncs.
            LogResyncFailed(failed.Message);
        }
    }

    private void Publish(AmiMessage message, IReadOnlyList<PbxFact> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }

        foreach (var fact in facts)
        {
            _facts.Writer.TryWrite(_agents.Translate(fact));
        }

        var line = facts.Select(LineOf).FirstOrDefault(l => l is not null);
        _facts.Writer.TryWrite(new RawPbxMessage(line, message.ToString()));
    }

    private static string? LineOf(PbxFact fact) => fact switch
    {
        CallAppeared f => f.Key.Line,
        CallAnswered f => f.Key.Line,
        CallHeld f => f.Key.Line,
        CallUnheld f => f.Key.Line,
        CallRemoteBusy f => f.Key.Line,
        CallMuteChanged f => f.Key.Line,
        CallPartyChanged f => f.Key.Line,
        CallEnded f => f.Key.Line,
        DtmfSeen f => f.Key.Line,
        AgentStatusReported f => f.Line,
        CallCentreModeReported f => f.Line,
        WrapUpReported f => f.Line,
        _ => null,
    };

    private string Device(string line) => $"{_options.Technology}/{line}";

    [LoggerMessage(1, LogLevel.Critical, "Asterisk refused the AMI login ({Reason}); the connector will not retry")]
    private partial void LogLoginRefused(string reason);

    [LoggerMessage(2, LogLevel.Warning, "Reading the active calls after a reconnection failed: {Reason}")]
    private partial void LogResyncFailed(string reason);

}
