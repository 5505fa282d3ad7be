using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Switchboard.Crm.Auth;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// Requests as a browser sends them for a page: with the page's <c>Origin</c> and the sign-in
/// cookie it holds, and the hub's WebSocket opened the way a hostile page does it, straight to
/// <c>/hubs/cti</c> without negotiating.
/// </summary>
internal static class PageRequests
{
    /// <summary>A page on another port of the same host: same site, so a browser sends the SameSite=Strict cookie with its requests.</summary>
    public const string SameSiteOrigin = "http://127.0.0.1:1";

    private const char RecordSeparator = '\u001e';

    /// <summary>The server's own origin, as the panel's pages have it.</summary>
    public static string OwnOrigin(Uri server) => server.GetLeftPart(UriPartial.Authority);

    /// <summary>Signs <paramref name="login"/> in as the panel does (<c>?useCookie=true</c>) and returns the cookie's value.</summary>
    public static async Task<string> SignInCookieAsync(Uri server, string login)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = Timeouts.Step };
        using var response = await http.PostAsJsonAsync("/api/auth/login?useCookie=true", new { login, password = Demo.PasswordOf(login) });
        response.EnsureSuccessStatusCode();
        var prefix = AuthCookie.Name + "=";
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(prefix, StringComparison.Ordinal));
        return cookie[prefix.Length..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>A request carrying only what a page's browser adds: its <c>Origin</c> (none for null) and the cookie.</summary>
    public static HttpRequestMessage FromPage(HttpMethod method, string path, string? origin, string? cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{AuthCookie.Name}={cookie}");
        }

        return request;
    }

    /// <summary>
    /// Opens a WebSocket to <c>/hubs/cti</c> as a page of <paramref name="origin"/> would, with the
    /// cookie and, when given, a token in the query. Returns the open socket, or null and the
    /// status the server answered the upgrade with.
    /// </summary>
    public static async Task<(ClientWebSocket? Socket, HttpStatusCode Status)> OpenHubSocketAsync(
        Uri server, string origin, string? cookie, string? queryToken = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        if (cookie is not null)
        {
            socket.Options.SetRequestHeader("Cookie", $"{AuthCookie.Name}={cookie}");
        }

        var address = new UriBuilder(server)
        {
            Scheme = "ws",
            Path = "/hubs/cti",
            Query = queryToken is null ? "" : "access_token=" + Uri.EscapeDataString(queryToken),
        }.Uri;
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        try
        {
            await socket.ConnectAsync(address, timeout.Token);
            return (socket, socket.HttpStatusCode);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (null, status);
        }
    }

    /// <summary>Speaks SignalR's JSON handshake on <paramref name="socket"/> and returns the first event's message (<c>initialized</c>), as JSON text.</summary>
    public static async Task<string> FirstEventAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"protocol":"json","version":1}""" + RecordSeparator), WebSocketMessageType.Text, true, timeout.Token);
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The hub closed the socket; it had sent: {received}");
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            foreach (var message in received.ToString().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (message.Contains("\"target\"", StringComparison.Ordinal))
                {
                    return message;
                }
            }
        }
    }
}
