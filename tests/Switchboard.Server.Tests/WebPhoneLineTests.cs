using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Server.Tests;

/// <summary>
/// One writer per line (design.md): a web-phone user's browser saves their calls by SIP Call-ID, so the
/// Messaging Service, which sees the same line through the PBX link (on Asterisk the web phone is a PJSIP
/// endpoint), neither saves nor announces its calls; supervisors still see them in progress.
/// </summary>
public sealed class WebPhoneLineTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private const string Password = "web-phone-test-password";
    private const string Line = "104";
    private readonly HttpClient _admin = server.AuthorizedClient(server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)).GetAwaiter().GetResult());

    [Fact]
    public async Task A_web_phone_users_calls_seen_through_the_PBX_link_are_left_to_the_browser_until_they_leave_the_web_phone()
    {
        var (id, login) = await CreateUserAsync();
        (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}/sip-account", UriKind.Relative), SipAccount)).EnsureSuccessStatusCode();
        (await _admin.PutAsJsonAsync(new Uri($"/api/users/{id}/phone-style", UriKind.Relative), new { phoneStyle = "webPhone" })).EnsureSuccessStatusCode();
        Assert.Equal([Line], await _admin.GetFromJsonAsync<string[]>(new Uri("/api/lines/web-phone", UriKind.Relative)) ?? []);
        await using var user = await server.ConnectAsync(login, Password);
        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));
        var log = new CallLogClient(server.Http, await server.LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)));

        var webPhoneCall = await server.Simulator.CallAsync(Demo.KnownCaller, Line);
        var watched = await WaitForActiveCallOnAsync(Line);
        await server.Simulator.HangUpAsync(webPhoneCall);
        // A call on a line the Messaging Service does write, after it: its row is saved behind the other's, had there been one.
        var (afterId, after) = await server.AnsweredInboundAsync(agent, Demo.KnownCaller, Demo.LineA);
        await server.Simulator.HangUpAsync(afterId);
        await log.FinishedRowsAsync(after.ConversationId, 1);

        Assert.Empty(await log.RowsOfConversationAsync(watched.ConversationId));
        Assert.DoesNotContain(user.Events, e => e.Payload is CallDto call && call.Line == Line);

        // Back on the desk phone (removing the SIP account does that): the link's calls are the user's again, at once.
        (await _admin.DeleteAsync(new Uri($"/api/users/{id}/sip-account", UriKind.Relative))).EnsureSuccessStatusCode();
        Assert.Empty(await _admin.GetFromJsonAsync<string[]>(new Uri("/api/lines/web-phone", UriKind.Relative)) ?? ["?"]);
        var deskCall = await server.Simulator.CallAsync(Demo.KnownCaller, Line);
        var started = await user.WaitForCallAsync(CtiEvents.CallStarted, c => c.Line == Line);
        await server.Simulator.HangUpAsync(deskCall);
        var row = Assert.Single(await log.FinishedRowsAsync(started.ConversationId, 1));
        Assert.Equal(Line, row.GetProperty("line").GetString());
    }

    public void Dispose() => _admin.Dispose();

    private static readonly object SipAccount = new
    {
        address = $"sip:{Line}@127.0.0.1",
        authUser = Line,
        password = "sip-password",
        webSocketUrl = "ws://127.0.0.1:8089/ws",
    };

    private async Task<CallDto> WaitForActiveCallOnAsync(string line)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            var calls = await _admin.GetFromJsonAsync<CallDto[]>(new Uri("/api/team/calls/active", UriKind.Relative), timeout.Token);
            if (calls?.FirstOrDefault(c => c.Line == line) is { } call)
            {
                return call;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<(Guid Id, string Login)> CreateUserAsync()
    {
        var login = $"w{Guid.NewGuid():N}"[..12];
        using var created = await _admin.PostAsJsonAsync(
            new Uri("/api/users", UriKind.Relative),
            new { login, displayName = "Web phone test", role = "agent", password = Password, lines = new[] { Line } });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), login);
    }
}
