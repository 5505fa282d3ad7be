using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Switchboard.WebPhone.Rig;

/// <summary>One RFC 4733 key press that rtpengine saw in a call's media: which call, from whom (SIP tag), which key.</summary>
public sealed record DtmfEvent(string CallId, string SourceTag, string Key);

/// <summary>
/// Listens where rtpengine reports the RFC 4733 telephone-events it relays (its <c>dtmf-log-dest</c>,
/// one JSON datagram per key): so a test sees which keys went through the media path, whoever sent them.
/// Bound before rtpengine starts.
/// </summary>
public sealed class DtmfLog : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly ConcurrentQueue<DtmfEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;

    public DtmfLog()
    {
        _listening = ListenAsync();
    }

    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public IReadOnlyList<DtmfEvent> Events => [.. _events];

    /// <summary>The keys pressed in the call <paramref name="callId"/>, in order, once <paramref name="count"/> of them have come or the limit passed.</summary>
    public async Task<string> KeysAsync(string callId, int count, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (KeysOf(callId).Length < count && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        return KeysOf(callId);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _listening.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The socket closed under the pending receive.
        }

        _stop.Dispose();
    }

    private string KeysOf(string callId) => string.Concat(_events.Where(e => e.CallId == callId).Select(e => e.Key));

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            // {"callid":"...","source_tag":"...","type":"DTMF","event":1,"duration":280,...}; events 10 and 11 are * and #.
            using var report = JsonDocument.Parse(datagram.Buffer);
            var root = report.RootElement;
            var key = root.GetProperty("event").GetInt32() switch
            {
                10 => "*",
                11 => "#",
                var digit and >= 0 and <= 9 => digit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                var other => $"[{other}]",
            };
            _events.Enqueue(new DtmfEvent(root.GetProperty("callid").GetString() ?? "", root.GetProperty("source_tag").GetString() ?? "", key));
        }
    }
}
