using System.Net;
using System.Net.Sockets;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// The rig's ports, chosen at run time among those free now on 127.0.0.1. Never the ones people use
/// for a rig by hand (SIP 5070, WebSocket 8088, rtpengine 2223, media 30000-30199) nor a PBX's 5060.
/// </summary>
public sealed record RigPorts(int Sip, int WebSocket, int Ng, int Trunk, int RtpMin, int RtpMax)
{
    /// <summary>Where rtpengine reports the key presses it relays (<see cref="DtmfLog"/>); 0 for nowhere.</summary>
    public int DtmfLog { get; init; }

    /// <summary>How many media ports rtpengine gets: two per call leg, a few calls at a time.</summary>
    public const int RtpPortCount = 100;

    // Below Linux's ephemeral range (32768-60999), so the system hands none of them out meanwhile.
    private const int RtpSearchFrom = 20000;
    private const int RtpSearchTo = 29900;

    public static RigPorts Choose()
    {
        var sip = FreeUdpPort();
        var trunk = FreeUdpPort();
        var ng = FreeUdpPort();
        var webSocket = FreeTcpPort();
        var rtpMin = FreeRtpRange();
        return new RigPorts(sip, webSocket, ng, trunk, rtpMin, rtpMin + RtpPortCount - 1);
    }

    /// <summary>A UDP port nobody uses now, for a SIPp instance.</summary>
    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Two UDP ports in a row (RTP and RTCP) nobody uses now, for a SIPp instance's media.</summary>
    public static int FreeMediaPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = FreeUdpPort() & ~1;
            if (port > 1024 && UdpPortsFree(port, 2))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No two free UDP ports in a row on 127.0.0.1.");
    }

    /// <summary>A TCP port nobody listens on now: the rig's WebSocket, or an address where no SIP server answers.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeRtpRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(RtpSearchFrom / 2, (RtpSearchTo - RtpPortCount) / 2) * 2;
            if (UdpPortsFree(start, RtpPortCount))
            {
                return start;
            }
        }

        throw new InvalidOperationException($"No {RtpPortCount} free UDP ports in a row from {RtpSearchFrom} to {RtpSearchTo} on 127.0.0.1.");
    }

    /// <summary>Whether nobody has bound any of these UDP ports on 127.0.0.1 now.</summary>
    public static bool UdpPortsFree(int first, int count)
    {
        var sockets = new List<Socket>();
        try
        {
            for (var port = first; port < first + count; port++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }
}
