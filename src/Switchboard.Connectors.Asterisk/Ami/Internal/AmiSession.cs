using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Connectors.Asterisk.Ami.Internal;

/// <summary>
/// One TCP connection to Asterisk: reads the banner and then frames with its own <see cref="AmiFrameReader"/>
/// on a <see cref="PipeReader"/>, hands each frame to the connection, and writes actions one at a time.
/// It decides nothing: every failure goes to <see cref="AmiConnection.Break"/>, which aborts it.
/// </summary>
internal sealed class AmiSession : IDisposable
{
    private const int ReadBufferBytes = 32 * 1024;

    private readonly AmiConnection _owner;
    private readonly string _peer;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly AmiFrameReader _frames;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource<string> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastReceived;
    private int _broken;

    private AmiSession(AmiConnection owner, Socket socket, AmiOptions options, ILogger logger, AmiFrameCounters counters, TimeProvider time)
    {
        _owner = owner;
        _peer = $"{options.Host}:{options.Port}";
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: ReadBufferBytes, minimumReadSize: 4096, leaveOpen: true));
        _frames = new AmiFrameReader(options.MaxFrameBytes, logger, counters, owner.EventFilter);
        _time = time;
        _lastReceived = time.GetTimestamp();
        ReadLoop = Task.CompletedTask;
    }

    /// <summary>The banner line, once it has arrived.</summary>
    public Task<string> Banner => _banner.Task;

    /// <summary>Cancelled when the session is aborted.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>When bytes last arrived (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long LastReceivedTimestamp => Volatile.Read(ref _lastReceived);

    public bool IsBroken => Volatile.Read(ref _broken) != 0;

    public Task ReadLoop { get; private set; }

    public static async Task<AmiSession> ConnectAsync(
        AmiConnection owner, AmiOptions options, ILogger logger, AmiFrameCounters counters, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var session = new AmiSession(owner, socket, options, logger, counters, time);
        session.ReadLoop = session.RunReadLoopAsync();
        return session;
    }

    /// <summary>Marks the session broken; true only for the first caller, who then cleans up.</summary>
    public bool TryMarkBroken() => Interlocked.Exchange(ref _broken, 1) == 0;

    /// <summary>Closes the socket and stops the read loop. Only <see cref="AmiConnection.Break"/> calls it.</summary>
    public void Abort(Exception reason)
    {
        _banner.TrySetException(reason);
        _closed.Cancel();
        Dispose();
    }

    /// <summary>
    /// Closes the socket. The cancellation source and the write lock stay usable (neither holds a timer or a
    /// wait handle): loops and writers still holding them see the cancellation or a closed socket.
    /// </summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>Writes one whole action; actions never interleave. A failed write breaks the session.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A write cut short leaves half an action on the wire: the session cannot be trusted any more.
            var lost = new AmiConnectionLostException($"Writing to Asterisk at {_peer} failed: {ex.Message}", ex);
            _owner.Break(this, lost);
            throw lost;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task RunReadLoopAsync()
    {
        // Yield first: the caller goes on to wait for the banner while this loop runs on its own.
        await Task.Yield();
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_closed.Token);
                var buffer = result.Buffer;
                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                if (!_banner.Task.IsCompleted && AmiFrameReader.TryReadBanner(ref buffer, out var banner))
                {
                    _banner.TrySetResult(banner);
                }

                if (_banner.Task.IsCompleted)
                {
                    while (_frames.TryReadFrame(ref buffer))
                    {
                        _owner.Dispatch(this, _frames);
                    }
                }

                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    _owner.Break(this, new AmiConnectionLostException($"Asterisk at {_peer} closed the connection."));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // Aborted by Break, which has reported why.
        }
        catch (Exception ex)
        {
            // Not logged and carried on: the link is broken and rebuilt, and Break logs why with the stack.
            _owner.Break(this, ex);
        }
        finally
        {
            await _input.CompleteAsync();
        }
    }
}
