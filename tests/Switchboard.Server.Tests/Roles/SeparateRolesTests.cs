using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Roles;

/// <summary>The CRM and the Messaging Service as separate processes, talking over HTTP.</summary>
public class SeparateRolesTests(SeparateRolesFixture roles) : IClassFixture<SeparateRolesFixture>
{
    private static readonly TimeSpan LogWait = Timeouts.Step * 4;

    [Fact]
    public async Task Every_call_reaches_the_log_exactly_once_when_the_CRM_stops_in_the_middle_of_a_series()
    {
        await using var agent = await roles.ConnectAsync(Demo.AgentA);
        var calls = new List<CallDto>();

        // The CRM is up: calls are announced with the caller found, and saved.
        for (var i = 0; i < 2; i++)
        {
            var call = await WorkCallAsync(agent, Demo.KnownCaller);
            Assert.Equal(Demo.KnownCallerName, call.Contact?.ContactName);
            calls.Add(call);
        }

        await agent.WaitForAsync<CallSavedEvent>(CtiEvents.CallSaved, s => s.CallId == calls[0].Id);

        // A call is in progress when the CRM stops. The outside world goes on meanwhile, played
        // with a token the Messaging Service still remembers the CRM's answer about.
        agent.Clear();
        var outside = await roles.SimulatorVouchedForAsync();
        var simId = await outside.CallAsync(Demo.KnownCaller, Demo.LineA);
        var interrupted = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);
        await agent.Model.AnswerCallAsync(interrupted.Id);
        await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == interrupted.Id);
        await roles.Crm.KillAsync();

        // Calls still ring and are worked: the caller is not found, the saves wait in the outbox.
        await outside.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == interrupted.Id);
        calls.Add(interrupted);
        for (var i = 0; i < 3; i++)
        {
            var call = await WorkCallAsync(agent, Demo.KnownCaller, outside);
            Assert.Null(call.Contact);
            calls.Add(call);
        }

        await roles.Crm.StartAsync();

        var rows = await LogRowsAsync(calls);
        foreach (var call in calls)
        {
            var row = Assert.Single(rows, r => IsRowOf(r, call));
            Assert.Equal("finished", row.GetProperty("state").GetString());
            Assert.Equal("completed", row.GetProperty("endReason").GetString());
        }
    }

    [Fact]
    public async Task A_call_cut_off_by_a_crash_of_the_Messaging_Service_is_closed_in_the_log_after_its_restart()
    {
        CallDto cutOff;
        await using (var agent = await roles.ConnectAsync(Demo.AgentA))
        {
            await roles.Simulator.CallAsync(Demo.KnownCaller, Demo.LineA);
            cutOff = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);
            await agent.Model.AnswerCallAsync(cutOff.Id);
            await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == cutOff.Id);
        }

        await AnsweredRowAsync(cutOff);

        // The simulator lives in the Messaging Service: killed, it takes the call with it, as a PBX that restarted would.
        await roles.Messaging.KillAsync();
        await roles.Messaging.StartAsync();

        var row = Assert.Single(await LogRowsAsync([cutOff]), r => IsRowOf(r, cutOff));
        Assert.Equal("finished", row.GetProperty("state").GetString());
        Assert.Equal("completed", row.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task A_logout_or_a_removal_at_the_CRM_closes_the_connections_on_the_Messaging_Service()
    {
        using var admin = new HttpClient { BaseAddress = roles.Crm.BaseAddress, Timeout = Timeouts.Step };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await roles.LoginAsync("admin"));
        const string password = "separate-roles-password";
        using var created = await admin.PostAsJsonAsync("/api/users", new { login = "roles-temp", displayName = "Temp", role = "agent", password, lines = new[] { "7201" } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await LoginAsync("roles-temp", password);
        var second = await LoginAsync("roles-temp", password);
        await using var loggingOut = await HubProbe.OpenAsync(roles.Messaging.BaseAddress, first);
        await using var removed = await HubProbe.OpenAsync(roles.Messaging.BaseAddress, second);

        using (var client = new HttpClient { BaseAddress = roles.Crm.BaseAddress, Timeout = Timeouts.Step })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first);
            (await client.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();
        }

        // The Messaging Service asks the CRM again every Messaging:SessionCheckInterval (5 s).
        await loggingOut.WaitClosedAsync();
        Assert.Contains("session_ended", loggingOut.ErrorCodes);
        Assert.False(removed.Closed.IsCompleted);

        (await admin.DeleteAsync($"/api/users/{id}")).EnsureSuccessStatusCode();
        await removed.WaitClosedAsync();
        Assert.Contains("session_ended", removed.ErrorCodes);
    }

    [Fact]
    public async Task The_Messaging_Service_leaves_a_web_phone_users_calls_to_their_browser()
    {
        using var admin = new HttpClient { BaseAddress = roles.Crm.BaseAddress, Timeout = Timeouts.Step };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await roles.LoginAsync("admin"));
        using var created = await admin.PostAsJsonAsync("/api/users", new { login = "roles-web", displayName = "Web", role = "agent", password = "separate-roles-password", lines = new[] { "104" } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var account = new { address = "sip:104@127.0.0.1", authUser = "104", password = "sip-password", webSocketUrl = "ws://127.0.0.1:8089/ws" };
        (await admin.PutAsJsonAsync($"/api/users/{id}/sip-account", account)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/users/{id}/phone-style", new { phoneStyle = "webPhone" })).EnsureSuccessStatusCode();
        // The Messaging Service reads GET /api/lines/web-phone every Messaging:SessionCheckInterval (5 s).
        await Task.Delay(TimeSpan.FromSeconds(11));
        await using var agent = await roles.ConnectAsync(Demo.AgentA);

        var webPhoneCall = await roles.Simulator.CallAsync(Demo.KnownCaller, "104");
        await roles.Simulator.HangUpAsync(webPhoneCall);
        // A call the Messaging Service does save, after it: its row comes behind the other's, had there been one.
        var after = await WorkCallAsync(agent, Demo.KnownCaller);

        var rows = await LogRowsAsync([after]);
        Assert.DoesNotContain(rows, r => r.GetProperty("line").GetString() == "104");
    }

    private async Task<string> LoginAsync(string login, string password)
    {
        using var response = await roles.Crm.Http.PostAsJsonAsync("/api/auth/login", new { login, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task A_token_the_CRM_did_not_issue_is_refused()
    {
        var genuine = await roles.LoginAsync(Demo.AgentA);
        var me = await GetMeAsync(genuine);
        var forged = Forge(me);

        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(genuine, inQuery: false));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(genuine, inQuery: true));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(forged, inQuery: false));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(forged, inQuery: true));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(null, inQuery: false));

        await using var session = new AgentSession(roles.Messaging.BaseAddress, forged);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(session.StartAsync);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_agent_gets_only_their_own_lines_events()
    {
        await using var anna = await roles.ConnectAsync(Demo.AgentA);
        await using var boris = await roles.ConnectAsync(Demo.AgentB);
        Assert.Equal(Demo.LineA, anna.All<InitializedEvent>(CtiEvents.Initialized).Single().Line);
        Assert.Equal(Demo.LineB, boris.All<InitializedEvent>(CtiEvents.Initialized).Single().Line);

        var toBoris = await roles.Simulator.CallAsync(Demo.KnownCaller, Demo.LineB);
        var borisCall = await boris.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineB);
        var toAnna = await roles.Simulator.CallAsync(Demo.UnknownCaller, Demo.LineA);
        var annaCall = await anna.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA);
        await roles.Simulator.HangUpAsync(toBoris);
        await roles.Simulator.HangUpAsync(toAnna);
        await boris.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == borisCall.Id);
        await anna.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == annaCall.Id);

        Assert.All(anna.All<CallDto>(CtiEvents.CallStarted).Concat(anna.All<CallDto>(CtiEvents.CallFinished)), c => Assert.Equal(Demo.LineA, c.Line));
        Assert.All(boris.All<CallDto>(CtiEvents.CallStarted).Concat(boris.All<CallDto>(CtiEvents.CallFinished)), c => Assert.Equal(Demo.LineB, c.Line));
        Assert.All(anna.All<LineStateChangedEvent>(CtiEvents.LineStateChanged), e => Assert.Equal(Demo.LineA, e.Line));
        Assert.All(boris.All<LineStateChangedEvent>(CtiEvents.LineStateChanged), e => Assert.Equal(Demo.LineB, e.Line));
    }

    [Fact]
    public async Task The_messaging_services_simulator_needs_a_signed_in_user_and_its_link_an_administrator()
    {
        var agent = await roles.LoginAsync(Demo.AgentA);
        var administrator = await roles.LoginAsync(Demo.Administrator);

        using var anonymous = await roles.Messaging.Http.PostAsync("/api/simulator/link/down", null);
        using var agentDown = await SendToMessagingAsync(HttpMethod.Post, "/api/simulator/link/down", agent);
        using var agentCallsB = await SendToMessagingAsync(
            HttpMethod.Post, "/api/simulator/calls", agent, JsonContent.Create(new { from = Demo.KnownCaller, to = Demo.LineB }));
        using var administratorUp = await SendToMessagingAsync(HttpMethod.Post, "/api/simulator/link/up", administrator);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentDown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentCallsB.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, administratorUp.StatusCode);
        Assert.Empty((await roles.Simulator.CallsAsync()).EnumerateArray());
    }

    [Fact]
    public async Task The_messaging_services_hub_refuses_a_foreign_page_whatever_token_it_has()
    {
        var token = await roles.LoginAsync(Demo.AgentA);

        var (foreign, refused) = await Security.PageRequests.OpenHubSocketAsync(
            roles.Messaging.BaseAddress, Security.PageRequests.SameSiteOrigin, cookie: null, queryToken: token);
        var (own, accepted) = await Security.PageRequests.OpenHubSocketAsync(
            roles.Messaging.BaseAddress, Security.PageRequests.OwnOrigin(roles.Messaging.BaseAddress), cookie: null, queryToken: token);
        foreign?.Dispose();
        using var open = own;

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, accepted);
        Assert.Contains("\"target\":\"initialized\"", await Security.PageRequests.FirstEventAsync(open!), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendToMessagingAsync(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await roles.Messaging.Http.SendAsync(request);
    }

    // An outside caller rings the agent's line; the agent answers; the caller hangs up.
    private async Task<CallDto> WorkCallAsync(AgentSession agent, string from, SimulatorDriver? outside = null)
    {
        outside ??= roles.Simulator;
        agent.Clear();
        var simId = await outside.CallAsync(from, Demo.LineA);
        var call = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Demo.LineA && c.CallerNumber == from);
        await agent.Model.AnswerCallAsync(call.Id);
        await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == call.Id);
        await outside.HangUpAsync(simId);
        await agent.WaitForCallAsync(CtiEvents.CallFinished, c => c.Id == call.Id);
        return call;
    }

    // Waits until the CRM's log holds a finished row for every call, then returns the whole log.
    private async Task<IReadOnlyList<JsonElement>> LogRowsAsync(IReadOnlyList<CallDto> calls)
    {
        var token = await roles.LoginAsync("admin");
        using var timeout = new CancellationTokenSource(LogWait);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls?limit=200");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await roles.Crm.Http.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var rows = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("items").EnumerateArray().ToList();
            if (calls.All(call => rows.Any(r => IsRowOf(r, call) && r.GetProperty("endedAt").ValueKind != JsonValueKind.Null)))
            {
                return rows;
            }

            try
            {
                await Task.Delay(200, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The log lacks finished rows after {LogWait}.{Environment.NewLine}{roles.Output}");
            }
        }
    }

    // Waits until the CRM's log has the call's row as answered.
    private async Task AnsweredRowAsync(CallDto call)
    {
        var token = await roles.LoginAsync("admin");
        using var timeout = new CancellationTokenSource(LogWait);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls?limit=200");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await roles.Crm.Http.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var rows = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("items").EnumerateArray();
            if (rows.Any(r => IsRowOf(r, call) && r.GetProperty("answeredAt").ValueKind != JsonValueKind.Null))
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static bool IsRowOf(JsonElement row, CallDto call) =>
        row.GetProperty("pbxCallId").GetString() == call.PbxCallId && row.GetProperty("line").GetString() == call.Line;

    private async Task<HttpStatusCode> NegotiateAsync(string? token, bool inQuery)
    {
        var path = "/hubs/cti/negotiate?negotiateVersion=1";
        using var request = new HttpRequestMessage(HttpMethod.Post, inQuery && token is not null ? $"{path}&access_token={Uri.EscapeDataString(token)}" : path);
        if (!inQuery && token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await roles.Messaging.Http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<JsonElement> GetMeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await roles.Crm.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // A well-formed token for a real user, with the CRM's issuer and audience, signed with a key the CRM never had.
    private static string Forge(JsonElement me)
    {
        var header = new { alg = "HS256", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["sub"] = me.GetProperty("id").GetString()!,
            ["name"] = me.GetProperty("login").GetString()!,
            ["role"] = "Administrator",
            ["iss"] = "switchboard",
            ["aud"] = "switchboard",
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        };
        var unsigned = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
