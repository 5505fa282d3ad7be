using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.WebPhone.Rig;

/// <summary>The RTP packets rtpengine received from one party of a call (by its SIP tag).</summary>
public sealed record LegPackets(string Tag, long RtpPackets);

/// <summary>rtpengine's ng control protocol over UDP on loopback: what a test asks about a call's media.</summary>
public sealed class RtpengineControl(int port)
{
    /// <summary>
    /// The RTP packets rtpengine received from each party of the call <paramref name="callId"/>: both
    /// above zero means media flowed both ways through it. Empty when rtpengine knows no such call.
    /// </summary>
    public async Task<IReadOnlyList<LegPackets>> QueryAsync(string callId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new Dictionary<string, string> { ["command"] = "query", ["call-id"] = callId }, cancellationToken);
        if (answer.GetValueOrDefault("result") as string != "ok" || answer.GetValueOrDefault("tags") is not Dictionary<string, object> tags)
        {
            return [];
        }

        return [.. tags.Select(tag => new LegPackets(tag.Key, RtpPacketsOf((Dictionary<string, object>)tag.Value)))];
    }

    /// <summary>The call ids rtpengine holds now.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new Dictionary<string, string> { ["command"] = "list" }, cancellationToken);
        return answer.GetValueOrDefault("calls") is List<object> calls ? [.. calls.Cast<string>()] : [];
    }

    private static long RtpPacketsOf(Dictionary<string, object> tag) =>
        tag.GetValueOrDefault("medias") is not List<object> medias
            ? 0
            : medias.Cast<Dictionary<string, object>>()
                .SelectMany(m => m.GetValueOrDefault("streams") as List<object> ?? [])
                .Cast<Dictionary<string, object>>()
                .Where(s => s.GetValueOrDefault("flags") is List<object> flags && flags.Contains("RTP"))
                .Sum(s => s.GetValueOrDefault("stats") is Dictionary<string, object> stats && stats.GetValueOrDefault("packets") is long packets ? packets : 0);

    private async Task<Dictionary<string, object>> SendAsync(Dictionary<string, string> command, CancellationToken cancellationToken)
    {
        // Every message starts with a cookie of the sender's choosing; rtpengine answers duplicates from a cache.
        var cookie = Guid.NewGuid().ToString("N")[..12];
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        await socket.SendAsync((byte[])[.. Encoding.ASCII.GetBytes(cookie + " "), .. Bencode.Encode(command)], cancellationToken);
        var buffer = new byte[65536];
        var length = await socket.ReceiveAsync(buffer, cancellationToken);
        var prefix = cookie.Length + 1;
        if (length < prefix || Encoding.ASCII.GetString(buffer, 0, cookie.Length) != cookie)
        {
            throw new InvalidOperationException("rtpengine answered with another cookie.");
        }

        return (Dictionary<string, object>)Bencode.Decode(buffer.AsSpan(prefix, length - prefix));
    }
}
