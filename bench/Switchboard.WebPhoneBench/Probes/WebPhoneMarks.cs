using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Switchboard.WebPhoneBench.Probes;

/// <summary>One moment the page wrote down: what, when (<c>performance.now()</c>: ms since the page's navigation started), and about what.</summary>
internal sealed record Mark(string Name, double At, string Detail);

/// <summary>
/// The marks the measured page records itself, installed by an init script that runs before the
/// panel's own code, as <see cref="Switchboard.WebPhone.Rig.PeerConnections"/> does: only the pages of
/// this tool have it, so the product carries no timing code and pays nothing. It writes to
/// <c>window.__switchboardWebPhoneMarks</c>, with <c>performance.now()</c>:
/// <list type="bullet">
/// <item><c>registered</c>: a 200 to a REGISTER arrived on the SIP WebSocket. JsSIP handles the frame in
/// the same task, right after this listener, and its <c>registered</c> event follows at once.</item>
/// <item><c>inviteSent</c> / <c>inviteReceived</c>: an INVITE went out / came in on the SIP WebSocket
/// (the detail is its Call-ID); JsSIP's <c>sending</c> event and its <c>newRTCSession</c> are the same moments.</item>
/// <item><c>click</c>: a click on a button (the detail is the button's name), at the event's own time stamp.</item>
/// <item><c>mediaFlowing</c>: the first statistics poll of an RTCPeerConnection that sees inbound audio
/// packets received and its DTLS transport connected (the detail is the connection's number in the page).
/// Each connection is polled every 5 ms from its creation until then or until it closes, so the mark is
/// late by at most one poll and one <c>getStats()</c>.</item>
/// </list>
/// </summary>
internal static class WebPhoneMarks
{
    public const string InitScript = """
        (() => {
          if (window.__switchboardWebPhoneMarks) return;
          const marks = [];
          window.__switchboardWebPhoneMarks = marks;
          const mark = (name, detail, at) => marks.push({ name, at: at ?? performance.now(), detail: String(detail ?? '') });
          const callIdOf = (message) => (/^(?:Call-ID|i)\s*:\s*(\S+)/im.exec(message) ?? [])[1] ?? '';

          // JsSIP's socket: subprotocol 'sip', one SIP message per text frame.
          const OriginalWebSocket = window.WebSocket;
          window.WebSocket = new Proxy(OriginalWebSocket, {
            construct(target, args, newTarget) {
              const socket = Reflect.construct(target, args, newTarget);
              const protocols = [].concat(args[1] ?? []);
              if (!protocols.includes('sip')) return socket;
              const send = socket.send;
              socket.send = function (data) {
                if (typeof data === 'string' && data.startsWith('INVITE ')) mark('inviteSent', callIdOf(data));
                return send.call(this, data);
              };
              socket.addEventListener('message', (event) => {
                const data = event.data;
                if (typeof data !== 'string') return;
                if (data.startsWith('INVITE ')) mark('inviteReceived', callIdOf(data));
                else if (/^SIP\/2\.0 200 /.test(data) && /^CSeq\s*:\s*\d+\s+REGISTER/im.test(data)) mark('registered');
              });
              return socket;
            },
          });

          document.addEventListener('click', (event) => {
            const button = event.target instanceof Element ? event.target.closest('button') : null;
            if (button) mark('click', button.getAttribute('aria-label') ?? button.textContent.trim(), event.timeStamp);
          }, { capture: true });

          const OriginalPeerConnection = window.RTCPeerConnection;
          if (!OriginalPeerConnection) return;
          let connections = 0;
          const flowing = async (connection) => {
            let received = 0, dtls = false;
            (await connection.getStats()).forEach((report) => {
              if (report.type === 'inbound-rtp' && report.kind === 'audio') received += report.packetsReceived ?? 0;
              if (report.type === 'transport' && report.dtlsState === 'connected') dtls = true;
            });
            return received > 0 && dtls;
          };
          window.RTCPeerConnection = new Proxy(OriginalPeerConnection, {
            construct(target, args, newTarget) {
              const connection = Reflect.construct(target, args, newTarget);
              const number = ++connections;
              const poll = async () => {
                if (connection.connectionState === 'closed') return;
                if (await flowing(connection)) mark('mediaFlowing', number);
                else setTimeout(poll, 5);
              };
              setTimeout(poll, 5);
              return connection;
            },
          });
        })();
        """;

    /// <summary>The marks the page recorded since its navigation started, in order.</summary>
    public static async Task<IReadOnlyList<Mark>> ReadAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var marks = await page.EvaluateAsync<JsonElement>("() => window.__switchboardWebPhoneMarks ?? []");
        return [.. marks.EnumerateArray().Select(m => new Mark(
            m.GetProperty("name").GetString() ?? "",
            m.GetProperty("at").GetDouble(),
            m.GetProperty("detail").GetString() ?? ""))];
    }

    /// <summary>The page's clock now, in the marks' time (ms since its navigation started).</summary>
    public static async Task<double> NowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<double>("() => performance.now()");
    }

    /// <summary>
    /// Waits until the page has recorded a mark <paramref name="name"/> after <paramref name="since"/>
    /// (and matching <paramref name="detail"/> when given), and returns the first such.
    /// </summary>
    public static async Task<Mark> WaitForAsync(IPage page, string name, double since, TimeSpan limit, string? detail = null)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var found = (await ReadAsync(page)).FirstOrDefault(m => m.Name == name && m.At >= since && (detail is null || m.Detail == detail));
            if (found is not null)
            {
                return found;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The page recorded no '{name}' mark after {since:F0} ms within {limit.TotalSeconds} s."));
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
