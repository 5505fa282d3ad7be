using System.Net;
using System.Net.Http.Json;

namespace Switchboard.Server.Tests.Security;

/// <summary>How to call one endpoint as an identity, and what each identity must get.</summary>
/// <param name="Request">Builds the request (path, body) for an identity; may first prepare what it acts on.</param>
/// <param name="Expected">The status each identity must get.</param>
/// <param name="OwnSession">The request ends the session it carries (logout): it is sent with a fresh sign-in of a live identity.</param>
public sealed record EndpointRule(
    Func<AccessMatrixFixture, Identity, Task<HttpRequestMessage>> Request,
    Func<Identity, HttpStatusCode> Expected,
    bool OwnSession = false);

/// <summary>
/// The access matrix: for every endpoint the server maps, keyed "METHOD /pattern" as the endpoint
/// data source names it, the request to send and the answer each identity must get. An endpoint
/// missing here fails the matrix, so a new endpoint cannot be forgotten.
/// </summary>
public static class EndpointRules
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode NoContent = HttpStatusCode.NoContent;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    public static IReadOnlyDictionary<string, EndpointRule> All { get; } = new Dictionary<string, EndpointRule>(StringComparer.Ordinal)
    {
        // Anonymous by design.
        ["* /healthz"] = new(Get("/healthz"), Anyone(Ok)),
        ["GET /openapi/{documentName}.json"] = new(Get("/openapi/v1.json"), Anyone(Ok)),
        ["POST /api/auth/login"] = new(Send(HttpMethod.Post, "/api/auth/login", new { login = "agent2", password = "demo-agent2" }), Anyone(Ok)),
        ["POST /api/auth/logout"] = new(Send(HttpMethod.Post, "/api/auth/logout", null), Anyone(NoContent), OwnSession: true),

        // Any signed-in user, about themselves or what everyone may read.
        ["POST /api/auth/refresh"] = new(Send(HttpMethod.Post, "/api/auth/refresh", null), SignedIn(Ok)),
        ["GET /api/me"] = new(Get("/api/me"), SignedIn(Ok)),
        ["GET /api/me/calls/recent"] = new(Get("/api/me/calls/recent"), SignedIn(Ok)),
        ["GET /api/me/sip-account"] = new(Get("/api/me/sip-account"), SignedIn(NotFound)),
        ["GET /api/colleagues"] = new(Get("/api/colleagues"), SignedIn(Ok)),
        ["GET /api/contacts"] = new(Get("/api/contacts?search=Ivan"), SignedIn(Ok)),
        ["GET /api/contacts/lookup"] = new(Get("/api/contacts/lookup?number=%2B74951234567"), SignedIn(Ok)),
        ["GET /api/calls"] = new(Get("/api/calls"), SignedIn(Ok)),
        ["GET /api/calls/export.csv"] = new(Get("/api/calls/export.csv"), SignedIn(Ok)),

        // One call on agent1's line 101: its readers see it, everyone else is told it does not exist.
        ["GET /api/calls/{id:guid}"] = new((f, _) => Build(HttpMethod.Get, $"/api/calls/{f.CallId}"), CallReaders),
        ["GET /api/calls/{id:guid}/recording"] = new((f, _) => Build(HttpMethod.Get, $"/api/calls/{f.CallId}/recording"), CallReaders),
        ["PUT /api/calls/{id:guid}/link"] = new((f, _) => Build(HttpMethod.Put, $"/api/calls/{f.CallId}/link", new { accountId = f.AccountId }), CallReaders),
        ["PUT /api/calls/{id:guid}/comment"] = new((f, _) => Build(HttpMethod.Put, $"/api/calls/{f.CallId}/comment", new { comment = "checked" }), CallReaders),
        ["PUT /api/calls/pbx/{pbxCallId}/{line}"] = new(
            (_, _) => Build(HttpMethod.Put, $"/api/calls/pbx/matrix-{Guid.NewGuid():N}/101", new
            {
                conversationId = "matrix",
                direction = "incoming",
                callerNumber = "+74951234567",
                calleeNumber = "101",
                state = "alerting",
                startedAt = DateTimeOffset.UtcNow,
            }),
            Only(Ok, Identity.Agent, Identity.Administrator)),

        // The Messaging Service's account (an administrator) only.
        ["GET /api/calls/open"] = new(Get("/api/calls/open"), Administrators(Ok)),
        ["GET /api/lines/web-phone"] = new(Get("/api/lines/web-phone"), Administrators(Ok)),
        ["POST /api/auth/sessions/check"] = new(Send(HttpMethod.Post, "/api/auth/sessions/check", new { sessions = Array.Empty<object>() }), Administrators(Ok)),

        // Users, teams and web-phone accounts: administrators only. Each request acts on a user or team of its own.
        ["GET /api/users"] = new(Get("/api/users"), Administrators(Ok)),
        ["POST /api/users"] = new(
            (_, _) => Build(HttpMethod.Post, "/api/users", new { login = $"n{Guid.NewGuid():N}"[..12], displayName = "New", role = "agent", password = "long-enough" }),
            Administrators(Created)),
        ["GET /api/users/{id:guid}"] = new(OnNewUser((id, _) => Build(HttpMethod.Get, $"/api/users/{id}")), Administrators(Ok)),
        ["PUT /api/users/{id:guid}"] = new(
            OnNewUser((id, login) => Build(HttpMethod.Put, $"/api/users/{id}", new { login, displayName = "Renamed", role = "agent" })),
            Administrators(Ok)),
        ["DELETE /api/users/{id:guid}"] = new(OnNewUser((id, _) => Build(HttpMethod.Delete, $"/api/users/{id}")), Administrators(NoContent)),
        ["PUT /api/users/{id:guid}/lines"] = new(
            OnNewUser((id, _) => Build(HttpMethod.Put, $"/api/users/{id}/lines", new { lines = Array.Empty<string>() })),
            Administrators(Ok)),
        ["PUT /api/users/{id:guid}/password"] = new(
            OnNewUser((id, _) => Build(HttpMethod.Put, $"/api/users/{id}/password", new { password = "changed-password" })),
            Administrators(NoContent)),
        ["PUT /api/users/{id:guid}/phone-style"] = new(
            OnNewUser((id, _) => Build(HttpMethod.Put, $"/api/users/{id}/phone-style", new { phoneStyle = "thirdParty" })),
            Administrators(Ok)),
        ["PUT /api/users/{id:guid}/team"] = new(
            OnNewUser((id, _) => Build(HttpMethod.Put, $"/api/users/{id}/team", new { teamId = (string?)null })),
            Administrators(Ok)),
        ["PUT /api/users/{id:guid}/sip-account"] = new(
            OnNewUser((id, _) => Build(HttpMethod.Put, $"/api/users/{id}/sip-account", SipAccount)),
            Administrators(NoContent)),
        ["GET /api/users/{id:guid}/sip-account"] = new(OnUserWithSipAccount(id => Build(HttpMethod.Get, $"/api/users/{id}/sip-account")), Administrators(Ok)),
        ["DELETE /api/users/{id:guid}/sip-account"] = new(OnUserWithSipAccount(id => Build(HttpMethod.Delete, $"/api/users/{id}/sip-account")), Administrators(NoContent)),
        ["GET /api/teams"] = new(Get("/api/teams"), Administrators(Ok)),
        ["POST /api/teams"] = new((_, _) => Build(HttpMethod.Post, "/api/teams", new { name = "T " + Guid.NewGuid().ToString("N")[..10] }), Administrators(Created)),
        ["GET /api/teams/{id:guid}"] = new(OnNewTeam(id => Build(HttpMethod.Get, $"/api/teams/{id}")), Administrators(Ok)),
        ["PUT /api/teams/{id:guid}"] = new(OnNewTeam(id => Build(HttpMethod.Put, $"/api/teams/{id}", new { name = "R " + Guid.NewGuid().ToString("N")[..10] })), Administrators(Ok)),
        ["DELETE /api/teams/{id:guid}"] = new(OnNewTeam(id => Build(HttpMethod.Delete, $"/api/teams/{id}")), Administrators(NoContent)),

        // The Messaging Service: supervisors and administrators watch calls in progress; the hub opens for anyone signed in.
        ["POST /api/line-calls/{callId:guid}/conference"] = new(Send(HttpMethod.Post, $"/api/line-calls/{Guid.NewGuid()}/conference", null), SignedIn(NotFound)),
        ["GET /api/team/calls/active"] = new(Get("/api/team/calls/active"), Only(Ok, Identity.TeamSupervisor, Identity.OtherSupervisor, Identity.Administrator)),

        // Recording an active call: the owner's own calls only (CallRecordingTests); with no such call, not found.
        ["POST /api/calls/active/{callId:guid}/recording/start"] = new(Send(HttpMethod.Post, $"/api/calls/active/{Guid.NewGuid()}/recording/start", null), SignedIn(NotFound)),
        ["POST /api/calls/active/{callId:guid}/recording/stop"] = new(Send(HttpMethod.Post, $"/api/calls/active/{Guid.NewGuid()}/recording/stop", null), SignedIn(NotFound)),
        ["* /hubs/cti/negotiate"] = new(Send(HttpMethod.Post, "/hubs/cti/negotiate?negotiateVersion=1", null), SignedIn(Ok)),

        // Without a connection id the hub answers 400 once the caller is let in.
        ["* /hubs/cti"] = new(Get("/hubs/cti"), SignedIn(HttpStatusCode.BadRequest)),

        // The simulator: the outside world, played by signed-in users on their own lines and by administrators.
        ["GET /api/simulator/calls"] = new(Get("/api/simulator/calls"), SignedIn(Ok)),
        ["POST /api/simulator/calls"] = new(
            Send(HttpMethod.Post, "/api/simulator/calls", new { from = "+74990000042", to = "101" }),
            Only(Created, Identity.Agent, Identity.Administrator)),
        ["GET /api/simulator/calls/{id}"] = new(Get("/api/simulator/calls/sim-none"), SignedIn(NotFound)),
        ["POST /api/simulator/calls/{id}/answer"] = new(Send(HttpMethod.Post, "/api/simulator/calls/sim-none/answer", null), SignedIn(NotFound)),
        ["POST /api/simulator/calls/{id}/busy"] = new(Send(HttpMethod.Post, "/api/simulator/calls/sim-none/busy", null), SignedIn(NotFound)),
        ["POST /api/simulator/calls/{id}/hangup"] = new(Send(HttpMethod.Post, "/api/simulator/calls/sim-none/hangup", null), SignedIn(NotFound)),
        ["POST /api/simulator/calls/{id}/dtmf"] = new(Send(HttpMethod.Post, "/api/simulator/calls/sim-none/dtmf", new { digits = "1" }), SignedIn(NotFound)),
        ["POST /api/simulator/link/down"] = new(Send(HttpMethod.Post, "/api/simulator/link/down", new { seconds = 0 }), Administrators(NoContent)),
        ["POST /api/simulator/link/up"] = new(Send(HttpMethod.Post, "/api/simulator/link/up", null), Administrators(NoContent)),
    };

    private static readonly object SipAccount = new
    {
        address = "sip:7399@pbx.example.org",
        authUser = "7399",
        password = "sip-password",
        webSocketUrl = "wss://pbx.example.org:8089/ws",
    };

    private static HttpStatusCode CallReaders(Identity identity) => identity switch
    {
        _ when identity.IsSignedOut() => HttpStatusCode.Unauthorized,
        Identity.Agent or Identity.TeamSupervisor or Identity.Administrator => Ok,
        _ => NotFound,
    };

    private static Func<Identity, HttpStatusCode> Anyone(HttpStatusCode status) => _ => status;

    private static Func<Identity, HttpStatusCode> SignedIn(HttpStatusCode status) =>
        identity => identity.IsSignedOut() ? HttpStatusCode.Unauthorized : status;

    private static Func<Identity, HttpStatusCode> Administrators(HttpStatusCode status) => Only(status, Identity.Administrator);

    private static Func<Identity, HttpStatusCode> Only(HttpStatusCode status, params Identity[] allowed) =>
        identity => identity.IsSignedOut() ? HttpStatusCode.Unauthorized : allowed.Contains(identity) ? status : Forbidden;

    private static Func<AccessMatrixFixture, Identity, Task<HttpRequestMessage>> Get(string path) => Send(HttpMethod.Get, path, null);

    private static Func<AccessMatrixFixture, Identity, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body) =>
        (_, _) => Build(method, path, body);

    private static Func<AccessMatrixFixture, Identity, Task<HttpRequestMessage>> OnNewUser(Func<Guid, string, Task<HttpRequestMessage>> request) =>
        async (fixture, _) =>
        {
            var (id, login) = await fixture.CreateUserAsync("agent", []);
            return await request(id, login);
        };

    private static Func<AccessMatrixFixture, Identity, Task<HttpRequestMessage>> OnUserWithSipAccount(Func<Guid, Task<HttpRequestMessage>> request) =>
        async (fixture, _) =>
        {
            var (id, _) = await fixture.CreateUserAsync("agent", []);
            await AccessMatrixFixture.SendAsync(fixture.Admin, HttpMethod.Put, $"/api/users/{id}/sip-account", SipAccount);
            return await request(id);
        };

    private static Func<AccessMatrixFixture, Identity, Task<HttpRequestMessage>> OnNewTeam(Func<Guid, Task<HttpRequestMessage>> request) =>
        async (fixture, _) => await request(await fixture.CreateTeamAsync());

    private static Task<HttpRequestMessage> Build(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Task.FromResult(request);
    }
}
