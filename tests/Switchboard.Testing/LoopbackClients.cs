using System.Net;
using System.Net.Sockets;

namespace Switchboard.Testing;

/// <summary>
/// HTTP clients that connect from a loopback address of the test's choosing (127.0.0.2...), so
/// that a server on 127.0.0.1 sees distinct client addresses: a user, an attacker, a proxy.
/// </summary>
public static class LoopbackClients
{
    public static HttpClient Create(Uri baseAddress, IPAddress from)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = (context, cancellationToken) => ConnectFromAsync(from, context.DnsEndPoint, cancellationToken),
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeouts.Step };
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Parse(to.Host), to.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
