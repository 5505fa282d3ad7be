using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Ami;

/// <summary>
/// One Asterisk Manager Interface connection: connects and logs in, sends actions and matches their answers
/// by ActionID (many in flight at once), streams the events that pass <see cref="AmiOptions.EventFilter"/> (or
/// <see cref="AmiOptions.Events"/>), pings
/// to find a dead link, and reconnects with backoff until disposed (but never after Asterisk refused the login).
/// </summary>
/// <remarks>
/// Frames are classified before they touch the table of pending actions: a frame with <c>Event:</c> is an
/// event even when it also has <c>Response:</c> and a pending ActionID. So <c>OriginateResponse</c> completes
/// nothing: the <c>Response: Success</c> frame answers the Originate, and the later <c>OriginateResponse</c>
/// event goes to <see cref="Events"/> (when the filter lets it through). Events that carry the ActionID of a
/// pending list action (<see cref="SendListActionAsync"/>) go into that list and not to <see cref="Events"/>.
/// Parts: <c>AmiConnection.Lifecycle.cs</c> (the state machine, Break, login, reconnection, keep-alive),
/// <c>AmiConnection.Dispatch.cs</c> (where each frame goes), <c>Internal/AmiSession.cs</c> (one TCP link).
/// </remarks>
public sealed partial class AmiConnection : IAsyncDisposable
{
    private readonly AmiOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AmiEventFilter _filter;
    private readonly PendingActionTable _pending;
    private readonly ReconnectBackoff _backoff;
    private readonly AmiFrameCounters _counters = new();
    private readonly Channel<AmiMessage> _events = Channel.CreateUnbounded<AmiMessage>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Channel<AmiLinkChange> _linkChanges = Channel.CreateUnbounded<AmiLinkChange>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lock _stateLock = new();
    private AmiConnectionState _state = AmiConnectionState.Closed;
    private AmiSession? _session;
    private TaskCompletionSource? _openWaiter;
    private Task _reconnectLoop = Task.CompletedTask;
    private Task _keepAliveLoop = Task.CompletedTask;
    private bool _disposed;
    private long _unclassifiedFrames;

    public AmiConnection(AmiOptions options, ILogger<AmiConnection>? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider, random: null)
    {
    }

    internal AmiConnection(AmiOptions options, ILogger? logger, TimeProvider? timeProvider, Func<double>? random)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _filter = options.EventFilter ?? (options.Events is null ? AmiEventFilter.All : new AmiEventFilter(options.Events));
        _pending = new PendingActionTable();
        _backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, random);
    }

    public AmiConnectionState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>The banner of the current link (<c>Asterisk Call Manager/9.0.0</c>); null before the first login.</summary>
    public string? Banner { get; private set; }

    /// <summary>The events that pass the filter, in the order Asterisk sent them. Completed when the connection is disposed.</summary>
    public ChannelReader<AmiMessage> Events => _events.Reader;

    /// <summary>Every state change (up on each login, down with the reason when the link is lost), for PbxLinkChanged and resync.</summary>
    public ChannelReader<AmiLinkChange> LinkChanges => _linkChanges.Reader;

    /// <summary>
    /// When set, called on the read loop with the exact text of every frame that is made into a message
    /// (events that pass the filter, responses, list items): the raw-message view. Keep it quick, and do not
    /// throw: an exception from it breaks the link like any failure of the read loop.
    /// </summary>
    public Action<string>? RawFrameObserver { get; set; }

    /// <summary>The prefix of this connection's ActionIDs (<c>sb1a2b3c-</c>); the number after it counts up.</summary>
    public string ActionIdPrefix => _pending.Prefix;

    /// <summary>Frames skipped as malformed (no colon where a key was expected, not UTF-8), over every link of this connection.</summary>
    public long MalformedFrames => Interlocked.Read(ref _counters.Malformed);

    /// <summary>Frames skipped as longer than <see cref="AmiOptions.MaxFrameBytes"/>.</summary>
    public long OversizedFrames => Interlocked.Read(ref _counters.Oversized);

    /// <summary>The events made into messages (each session's frame reader decides with it while it scans).</summary>
    public AmiEventFilter EventFilter => _filter;

    /// <summary>Actions waiting for their answer.</summary>
    public int PendingActions => _pending.Count;

    /// <summary>
    /// Connects, reads the banner and logs in (plain secret, or MD5 challenge). From then on the connection
    /// keeps itself up: after a lost link it reconnects with backoff until disposed.
    /// </summary>
    /// <exception cref="AmiAuthenticationException">Asterisk refused the login; nothing is retried.</exception>
    /// <exception cref="AmiConnectionException">Asterisk could not be reached or did not answer in time
    /// (unless <see cref="AmiOptions.RetryInitialConnect"/>, which keeps trying instead).</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != AmiConnectionState.Closed)
            {
                throw new InvalidOperationException($"The AMI connection is already {_state}.");
            }

            TransitionTo(AmiConnectionState.Connecting, $"Connecting to {_options.Host}:{_options.Port}.", null);
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            var session = await OpenSessionAsync(linked.Token);
            GoOpen(session);
        }
        catch (AmiAuthenticationException ex)
        {
            GiveUp(ex);
            throw;
        }
        catch (AmiConnectionException ex) when (_options.RetryInitialConnect)
        {
            var opened = StartReconnecting(ex);
            await opened.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is AmiConnectionException or OperationCanceledException or ObjectDisposedException)
        {
            GiveUp(ex);
            throw;
        }
    }

    /// <summary>Sends an action and returns its response (<c>Response: Success</c> or <c>Error</c>: an error is an answer, not an exception).</summary>
    /// <exception cref="AmiActionTimeoutException">No answer within <see cref="AmiOptions.ActionTimeout"/>.</exception>
    /// <exception cref="AmiConnectionLostException">The link is not up, or went down before the answer came.</exception>
    public async Task<AmiMessage> SendActionAsync(AmiAction action, CancellationToken cancellationToken = default) =>
        (await SendAsync(action, isList: false, cancellationToken)).Response;

    /// <summary>
    /// Sends an action that Asterisk answers with an event list and returns the response with the list's events
    /// (the whole list must arrive within <see cref="AmiOptions.ActionTimeout"/>).
    /// </summary>
    /// <exception cref="AmiActionTimeoutException">The list did not end within the timeout.</exception>
    /// <exception cref="AmiConnectionLostException">The link is not up, or went down before the list ended.</exception>
    public Task<AmiListResult> SendListActionAsync(AmiAction action, CancellationToken cancellationToken = default) =>
        SendAsync(action, isList: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        AmiSession? session;
        lock (_stateLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            session = _session;
            _session = null;
            TransitionTo(AmiConnectionState.Closed, "The connection was disposed.", null);
        }

        await _disposing.CancelAsync();
        if (session is not null)
        {
            Break(session, new AmiConnectionLostException("The AMI connection was disposed."));
            await session.ReadLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _reconnectLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _keepAliveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _events.Writer.TryComplete();
        _linkChanges.Writer.TryComplete();
    }

    private Task<AmiListResult> SendAsync(AmiAction action, bool isList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var session = Volatile.Read(ref _session);
        if (session is null)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw new AmiConnectionLostException($"The AMI link to {_options.Host}:{_options.Port} is not up ({State}); {action.Name} was not sent.");
        }

        return SendOnSessionAsync(session, action, isList, _options.ActionTimeout, cancellationToken);
    }

    private async Task<AmiListResult> SendOnSessionAsync(
        AmiSession session, AmiAction action, bool isList, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var entry = _pending.Add(action.Name, session, isList);
        try
        {
            using var timer = new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                if (session.IsBroken)
                {
                    throw new AmiConnectionLostException($"The AMI link went down before {action.Name} was sent.");
                }

                await session.WriteAsync(action.Serialize(entry.ActionId), linked.Token);
                return await entry.Completion.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                LogActionTimedOut(action.Name, entry.ActionId, timeout.TotalMilliseconds);
                throw new AmiActionTimeoutException(action.Name, entry.ActionId, timeout);
            }
        }
        finally
        {
            _pending.Remove(entry);
        }
    }
}
