using Microsoft.Playwright;

namespace Switchboard.WebPhone.Rig;

/// <summary>The audio packets one page's RTCPeerConnections sent and received so far, summed over its calls.</summary>
public sealed record AudioPackets(long Sent, long Received);

/// <summary>
/// The page's RTCPeerConnections as the tests see them: an init script (run before the panel's own
/// code) wraps the constructor so that every connection the web phone makes is also kept in
/// <c>window.__switchboardPeerConnections</c>. Test-only: the product has no such hook, and the
/// wrapper changes nothing of what a connection does.
/// </summary>
public static class PeerConnections
{
    public const string InitScript = """
        (() => {
          const Original = window.RTCPeerConnection;
          if (!Original || window.__switchboardPeerConnections) return;
          const seen = [];
          window.__switchboardPeerConnections = seen;
          window.RTCPeerConnection = new Proxy(Original, {
            construct(target, args, newTarget) {
              const connection = Reflect.construct(target, args, newTarget);
              seen.push(connection);
              return connection;
            },
          });
        })();
        """;

    /// <summary>RTCPeerConnection statistics: audio RTP packets sent (outbound-rtp) and received (inbound-rtp) by all the page's connections.</summary>
    public static async Task<AudioPackets> AudioAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var counts = await page.EvaluateAsync<long[]>("""
            async () => {
              let sent = 0, received = 0;
              for (const connection of window.__switchboardPeerConnections ?? []) {
                if (connection.connectionState === 'closed') continue;
                (await connection.getStats()).forEach((report) => {
                  if (report.kind !== 'audio') return;
                  if (report.type === 'outbound-rtp') sent += report.packetsSent ?? 0;
                  if (report.type === 'inbound-rtp') received += report.packetsReceived ?? 0;
                });
              }
              return [sent, received];
            }
            """);
        return new AudioPackets(counts[0], counts[1]);
    }

    /// <summary>Waits until both the packets sent and the packets received have risen above <paramref name="before"/>.</summary>
    public static async Task<AudioPackets> BothRiseAsync(IPage page, AudioPackets before, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(before);
        using var timeout = new CancellationTokenSource(limit);
        var now = await AudioAsync(page);
        while (!(now.Sent > before.Sent && now.Received > before.Received) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
            now = await AudioAsync(page);
        }

        return now;
    }
}
