using System.Net.Http.Headers;
using System.Net.Http.Json;
using Switchboard.Testing;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// The whole Switchboard server (one per test class, on a loopback port, with the demo data) whose
/// agents are web-phone users of the rig: agent1, agent2 and the supervisor get SIP accounts
/// sip:{line}@webphone.test on the rig's WebSocket, with the rig's passwords, and the webPhone style.
/// </summary>
public sealed class WebPhoneServer : ServerFixture
{
    public static readonly IReadOnlyList<string> WebPhoneUsers = [Demo.AgentA, Demo.AgentB, Demo.Supervisor];

    private SipRig? _rig;

    /// <summary>Gives the agents their SIP accounts on <paramref name="rig"/> and the web-phone style, through the API as an administrator.</summary>
    public async Task UseRigAsync(SipRig rig)
    {
        ArgumentNullException.ThrowIfNull(rig);
        if (ReferenceEquals(_rig, rig))
        {
            return;
        }

        foreach (var login in WebPhoneUsers)
        {
            await PutSipAccountAsync(rig, login);
        }

        _rig = rig;
    }

    /// <summary>
    /// Gives <paramref name="login"/> the SIP account of their line on <paramref name="rig"/> and the web-phone
    /// style; <paramref name="password"/> and <paramref name="webSocketUrl"/> replace the right ones, for the
    /// scenarios of a wrong account. Call again without them to put the right account back.
    /// </summary>
    public async Task PutSipAccountAsync(SipRig rig, string login, string? password = null, Uri? webSocketUrl = null)
    {
        ArgumentNullException.ThrowIfNull(rig);
        using var admin = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeouts.Step };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync("admin", Demo.PasswordOf("admin")));
        var users = await admin.GetFromJsonAsync<List<UserJson>>("/api/users") ?? [];
        var user = users.Single(u => u.Login == login);
        var line = user.Lines.Single();
        var sip = rig.User(line);
        using var account = await admin.PutAsJsonAsync($"/api/users/{user.Id}/sip-account", new
        {
            address = $"sip:{line}@{RigConfig.Domain}",
            authUser = sip.Name,
            password = password ?? sip.Password,
            webSocketUrl = (webSocketUrl ?? rig.WebSocketUrl).ToString(),
            displayName = user.DisplayName,
        });
        account.EnsureSuccessStatusCode();
        using var style = await admin.PutAsJsonAsync($"/api/users/{user.Id}/phone-style", new { phoneStyle = "webPhone" });
        style.EnsureSuccessStatusCode();
    }

    /// <summary>Sets <paramref name="login"/>'s phone style (<c>webPhone</c> or <c>thirdParty</c>) through the API as an administrator; their SIP account stays.</summary>
    public async Task PutPhoneStyleAsync(string login, string phoneStyle)
    {
        using var admin = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeouts.Step };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync("admin", Demo.PasswordOf("admin")));
        var users = await admin.GetFromJsonAsync<List<UserJson>>("/api/users") ?? [];
        var user = users.Single(u => u.Login == login);
        using var style = await admin.PutAsJsonAsync($"/api/users/{user.Id}/phone-style", new { phoneStyle });
        style.EnsureSuccessStatusCode();
    }

    private sealed record UserJson(Guid Id, string Login, string DisplayName, List<string> Lines);
}
