using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// Random and malformed input, a bounded number of each from a fixed seed (so a failure can be
/// replayed): HTTP bodies to every endpoint that takes one, and hub frames over a real WebSocket.
/// The server answers no 5xx, stays up, and then serves an ordinary call from ring to log.
/// </summary>
public sealed class FuzzTests(DevelopmentServerFixture server) : IClassFixture<DevelopmentServerFixture>
{
    private const int Seed = 20261207;
    private const int BodiesPerEndpoint = 60;
    private const int HubFrames = 400;

    [Fact]
    public async Task Malformed_bodies_to_every_endpoint_get_no_5xx_and_the_server_still_serves_a_call()
    {
        var admin = await server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator));
        var input = new MalformedInput(Seed);
        var failures = new List<string>();
        foreach (var (method, path) in EndpointsWithBodies())
        {
            // Sign-in endpoints are fuzzed as nobody: a fuzzed logout must not end the administrator's session.
            var token = path.StartsWith("/api/auth/", StringComparison.Ordinal) ? null : admin;
            foreach (var body in input.Bodies(BodiesPerEndpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await server.Http.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {path} with {Describe(body)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        await ServesAnOrdinaryCallAsync(admin);
    }

    [Fact]
    public async Task Malformed_hub_frames_get_no_crash_and_the_hub_still_serves_a_call()
    {
        var token = await server.LoginAsync(Demo.AgentB, Demo.PasswordOf(Demo.AgentB));
        var commands = typeof(CtiCommands).GetFields().Select(f => (string)f.GetRawConstantValue()!).Where(v => !v.StartsWith('/')).ToList();
        var closedByServer = 0;
        var socket = await OpenAsync(token);
        foreach (var frame in new MalformedInput(Seed).HubFrames(HubFrames, commands))
        {
            if (socket.State != WebSocketState.Open)
            {
                // SignalR closes a connection that breaks its protocol; the next frames go on a new one.
                closedByServer++;
                socket.Dispose();
                socket = await OpenAsync(token);
            }

            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Closed under us while sending: counted on the next round.
            }
        }

        socket.Dispose();
        Assert.True(closedByServer < HubFrames, "Every frame needed a new connection.");
        using var negotiate = server.AuthorizedClient(token);
        Assert.Equal(HttpStatusCode.OK, (await negotiate.PostAsync(new Uri("/hubs/cti/negotiate?negotiateVersion=1", UriKind.Relative), null)).StatusCode);
        await ServesAnOrdinaryCallAsync(await server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)));
    }

    /// <summary>A caller rings line 101, agent1 answers, the caller hangs up, and the call is saved.</summary>
    private async Task ServesAnOrdinaryCallAsync(string adminToken)
    {
        using (var admin = server.AuthorizedClient(adminToken))
        {
            // A fuzzed link/down may have cut the PBX link.
            await admin.PostAsync(new Uri("/api/simulator/link/up", UriKind.Relative), null);
        }

        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        await agent.WaitForAsync<InitializedEvent>(CtiEvents.Initialized, e => e.PbxConnected);
        var (simId, call) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);
        await server.Simulator.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        await agent.WaitForAsync<CallSavedEvent>(CtiEvents.CallSaved, s => s.CallId == call.Id);
    }

    private async Task<ClientWebSocket> OpenAsync(string token)
    {
        var socket = new ClientWebSocket();
        var address = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = CtiCommands.HubPath, Query = "access_token=" + token }.Uri;
        await socket.ConnectAsync(address, CancellationToken.None).WaitAsync(Timeouts.Step);
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        _ = DrainAsync(socket);
        return socket;
    }

    // Reads and drops whatever the server sends (handshake answer, events, completions), so that
    // its sends never wait on us; ends when the socket closes.
    private static async Task DrainAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The socket closed or was disposed: nothing more to read.
        }
    }

    private List<(string Method, string Path)> EndpointsWithBodies() =>
    [
        .. server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern)))
            .Where(e => e.Method is "POST" or "PUT" && !e.RoutePattern.RawText!.StartsWith("/hubs", StringComparison.Ordinal))
            .Select(e => (e.Method, Path: Fill(e.RoutePattern.RawText!)))
            .Distinct(),
    ];

    // Route values that reach the handlers: a GUID for {id:guid}, a line and a call id for the rest.
    private static string Fill(string pattern) => pattern
        .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{pbxCallId}", "fuzz-call", StringComparison.Ordinal)
        .Replace("{line}", "101", StringComparison.Ordinal)
        .Replace("{id}", "sim-none", StringComparison.Ordinal);

    private static string Describe(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 80 ? JsonSerializer.Serialize(text) : JsonSerializer.Serialize(text[..80]) + $"... ({body.Length} bytes)";
    }
}

/// <summary>
/// The server in the Development environment, as the README's run command starts it: minimal APIs
/// then throw on unreadable requests instead of answering 400 themselves, which is where bad input
/// turned into 500s.
/// </summary>
public sealed class DevelopmentServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--environment=Development"];
}
