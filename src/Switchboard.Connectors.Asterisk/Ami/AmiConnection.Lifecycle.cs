using System.Net.Sockets;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Ami;

// The state machine: every change of state goes through TransitionTo, every fatal path through Break.
public sealed partial class AmiConnection
{
    /// <summary>
    /// The one way a link dies: marks the session broken, closes its socket, fails every action sent on it
    /// with <see cref="AmiConnectionLostException"/>, and when it was the current link, reports the link down
    /// and starts reconnecting. Called from the read loop, a failed write, the dead-link detector and dispose.
    /// </summary>
    internal void Break(AmiSession session, Exception error)
    {
        if (!session.TryMarkBroken())
        {
            return;
        }

        var lost = error as AmiConnectionLostException
            ?? new AmiConnectionLostException($"The AMI link to {_options.Host}:{_options.Port} was lost: {error.Message}", error);
        session.Abort(lost);
        _pending.FailAll(session, lost);

        lock (_stateLock)
        {
            if (!ReferenceEquals(_session, session))
            {
                // A link still logging in, or one already replaced: whoever opened it sees the failure.
                return;
            }

            _session = null;
            LogLinkLost(_options.Host, _options.Port, error);
            TransitionTo(AmiConnectionState.Reconnecting, lost.Message, error);
            _reconnectLoop = ReconnectLoopAsync();
        }
    }

    // Must hold _stateLock. The only place that changes _state.
    private void TransitionTo(AmiConnectionState next, string reason, Exception? error)
    {
        var previous = _state;
        if (previous == next)
        {
            return;
        }

        _state = next;
        LogStateChanged(next, previous, reason);
        _linkChanges.Writer.TryWrite(new AmiLinkChange(next, reason, error));
        if (next == AmiConnectionState.Open)
        {
            _openWaiter?.TrySetResult();
            _openWaiter = null;
        }
        else if (next == AmiConnectionState.Closed)
        {
            _openWaiter?.TrySetException(error ?? new ObjectDisposedException(nameof(AmiConnection)));
            _openWaiter = null;
        }
    }

    private void GoOpen(AmiSession session)
    {
        lock (_stateLock)
        {
            if (_disposed || session.IsBroken)
            {
                var reason = _disposed ? "The AMI connection was disposed while logging in." : "The AMI link went down right after the login.";
                Break(session, new AmiConnectionLostException(reason));
                throw _disposed ? new ObjectDisposedException(nameof(AmiConnection), reason) : new AmiConnectionLostException(reason);
            }

            _session = session;
            Banner = session.Banner.Result;
            TransitionTo(AmiConnectionState.Open, $"Logged in to {_options.Host}:{_options.Port} as {_options.Username} ({Banner}).", null);
            _keepAliveLoop = KeepAliveLoopAsync(session);
        }
    }

    private void GiveUp(Exception error)
    {
        lock (_stateLock)
        {
            if (!_disposed)
            {
                TransitionTo(AmiConnectionState.Closed, error.Message, error);
            }
        }
    }

    private Task StartReconnecting(Exception error)
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _openWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var opened = _openWaiter.Task;
            LogConnectFailed(0, error);
            TransitionTo(AmiConnectionState.Reconnecting, error.Message, error);
            _reconnectLoop = ReconnectLoopAsync();
            return opened;
        }
    }

    private async Task ReconnectLoopAsync()
    {
        // Runs apart from the caller (Break may be called from inside a read loop or under the state lock).
        await Task.Yield();
        for (var attempt = 0; ; attempt++)
        {
            var delay = _backoff.Delay(attempt);
            LogReconnecting(attempt + 1, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, _disposing.Token);
                var session = await OpenSessionAsync(_disposing.Token, retry: true);
                GoOpen(session);
                return;
            }
            catch (AmiAuthenticationException ex)
            {
                GiveUp(ex);
                return;
            }
            catch (AmiConnectionException ex)
            {
                LogRetryFailed(attempt + 1, ex.Message);
            }
            catch (Exception ex) when (_disposing.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>TCP connect, banner and login, all within <see cref="AmiOptions.ConnectTimeout"/>. The session is closed again on any failure.</summary>
    private async Task<AmiSession> OpenSessionAsync(CancellationToken cancellationToken, bool retry = false)
    {
        using var timer = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        AmiSession? session = null;
        try
        {
            if (retry)
            {
                LogConnectingAgain(_options.Host, _options.Port);
            }
            else
            {
                LogConnecting(_options.Host, _options.Port);
            }
            session = await AmiSession.ConnectAsync(this, _options, _logger, _counters, _time, linked.Token);
            var banner = await session.Banner.WaitAsync(linked.Token);
            await LoginAsync(session, banner, linked.Token);
            return session;
        }
        catch (AmiAuthenticationException ex)
        {
            Discard(session, ex);
            throw;
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = new AmiConnectionException(
                $"Could not connect and log in to AMI at {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds:0.###} s.", ex);
            Discard(session, timedOut);
            throw timedOut;
        }
        catch (Exception ex) when (ex is SocketException or IOException or AmiException)
        {
            var failed = ex as AmiConnectionException
                ?? new AmiConnectionException($"Could not connect to AMI at {_options.Host}:{_options.Port}: {ex.Message}", ex);
            Discard(session, failed);
            throw failed;
        }
        catch (OperationCanceledException ex)
        {
            Discard(session, ex);
            throw;
        }
    }

    private void Discard(AmiSession? session, Exception reason)
    {
        if (session is not null)
        {
            Break(session, reason);
        }
    }

    private async Task LoginAsync(AmiSession session, string banner, CancellationToken cancellationToken)
    {
        AmiAction login;
        if (_options.UseMd5Challenge)
        {
            var challenge = (await SendOnSessionAsync(session, AmiLogin.Challenge(), false, _options.ActionTimeout, cancellationToken)).Response;
            var value = challenge["Challenge"];
            if (!IsSuccess(challenge) || string.IsNullOrEmpty(value))
            {
                throw new AmiAuthenticationException(
                    $"Asterisk at {_options.Host}:{_options.Port} refused the MD5 challenge: {challenge["Message"] ?? challenge.Response}.");
            }

            login = AmiLogin.Md5(_options.Username, value, _options.Secret);
        }
        else
        {
            login = AmiLogin.Plain(_options.Username, _options.Secret);
        }

        var response = (await SendOnSessionAsync(session, login, false, _options.ActionTimeout, cancellationToken)).Response;
        if (!IsSuccess(response))
        {
            var refused = new AmiAuthenticationException(
                $"Asterisk at {_options.Host}:{_options.Port} refused the login of '{_options.Username}': {response["Message"] ?? response.Response}.");
            LogLoginRefused(_options.Username, _options.Host, _options.Port, refused);
            throw refused;
        }

        LogLoggedIn(_options.Host, _options.Port, _options.Username, banner);
    }

    /// <summary>
    /// Pings every <see cref="AmiOptions.PingInterval"/>. When a Ping gets no answer within
    /// <see cref="AmiOptions.DeadLinkTimeout"/> and nothing at all arrived since it was sent, the link is dead: Break.
    /// </summary>
    private async Task KeepAliveLoopAsync(AmiSession session)
    {
        var interval = _options.PingInterval;
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(interval, _time, session.Closed);
                var sentAt = _time.GetTimestamp();
                try
                {
                    await SendOnSessionAsync(session, new AmiAction("Ping"), false, _options.DeadLinkTimeout, session.Closed);
                }
                catch (AmiActionTimeoutException ex)
                {
                    if (session.LastReceivedTimestamp < sentAt)
                    {
                        Break(session, new AmiConnectionLostException(
                            $"The AMI link to {_options.Host}:{_options.Port} is dead: no answer to Ping and nothing received for {_options.DeadLinkTimeout.TotalSeconds:0.###} s.", ex));
                        return;
                    }

                    LogPingUnanswered(_options.DeadLinkTimeout.TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (session.Closed.IsCancellationRequested)
        {
            // The link went down; Break reported it.
        }
        catch (AmiConnectionLostException)
        {
            // The Ping was cut short by the link going down; Break reported it.
        }
    }

    private static bool IsSuccess(AmiMessage response) =>
        string.Equals(response.Response, "Success", StringComparison.OrdinalIgnoreCase);
}
