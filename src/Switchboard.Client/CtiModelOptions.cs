using Microsoft.AspNetCore.Http.Connections;

namespace Switchboard.Client;

/// <summary>How a <see cref="CtiModel"/> connects.</summary>
public sealed class CtiModelOptions
{
    /// <summary>Ask the server for the PBX's raw messages (<c>rawMessage</c> events).</summary>
    public bool RawMessages { get; set; }

    /// <summary>
    /// The transports the client may use, best first: WebSocket, then Server-Sent Events, then long
    /// polling, for networks whose proxies block WebSocket. Name one to force it.
    /// </summary>
    public HttpTransportType Transports { get; set; } =
        HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;

    /// <summary>Waits between reconnection attempts; the last one repeats for as long as it takes.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; set; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];
}
