using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.CrmLink;

namespace Switchboard.Messaging.Tests.CrmLink;

/// <summary>
/// How the Messaging Service in its own role takes a token: the CRM says whose it is, the token's own
/// claims give the session to watch and the moment the connection must close.
/// </summary>
public class CrmSignInsTests
{
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid SessionId = Guid.NewGuid();

    [Fact]
    public async Task An_accepted_token_gives_its_user_its_session_and_its_expiry()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(7);
        using var signIns = SignIns(new Crm(HttpStatusCode.OK));

        var signIn = await signIns.SignInAsync(Token(UserId, SessionId, expires), CancellationToken.None);

        Assert.NotNull(signIn);
        Assert.Equal(["101"], signIn.Value.SignedIn.User.Lines);
        Assert.Equal(new Ports.SessionRef(UserId, SessionId, "stamp-1"), signIn.Value.SignedIn.Session);
        Assert.Equal(expires.ToUnixTimeSeconds(), signIn.Value.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_token_without_a_session_is_refused_without_asking_the_CRM()
    {
        var crm = new Crm(HttpStatusCode.OK);
        using var signIns = SignIns(crm);

        Assert.Null(await signIns.SignInAsync(Token(UserId, sessionId: null, DateTimeOffset.UtcNow.AddHours(1)), CancellationToken.None));
        Assert.Null(await signIns.SignInAsync("not.a-token", CancellationToken.None));
        Assert.Equal(0, crm.Asked);
    }

    [Fact]
    public async Task A_token_the_CRM_refuses_or_of_another_user_is_refused()
    {
        using var refusing = SignIns(new Crm(HttpStatusCode.Unauthorized));
        using var confused = SignIns(new Crm(HttpStatusCode.OK));

        Assert.Null(await refusing.SignInAsync(Token(UserId, SessionId, DateTimeOffset.UtcNow.AddHours(1)), CancellationToken.None));
        Assert.Null(await confused.SignInAsync(Token(Guid.NewGuid(), SessionId, DateTimeOffset.UtcNow.AddHours(1)), CancellationToken.None));
    }

    private static CrmSignIns SignIns(Crm crm) =>
        new(new CrmApi(crm), Options.Create(new CrmLinkOptions { UserCacheTime = TimeSpan.FromSeconds(30) }));

    // The CRM signs its tokens; the Messaging Service reads the claims only after the CRM accepted them.
    private static string Token(Guid user, Guid? sessionId, DateTimeOffset expires)
    {
        var session = sessionId is { } id ? $",\"sid\":\"{id}\"" : "";
        var payload = $"{{\"sub\":\"{user}\",\"stamp\":\"stamp-1\"{session},\"exp\":{expires.ToUnixTimeSeconds()}}}";
        return $"e30.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.c2ln";
    }

    /// <summary>Answers <c>GET /api/me</c> with agent1 on line 101, or refuses.</summary>
    private sealed class Crm(HttpStatusCode status) : HttpMessageHandler, IHttpClientFactory
    {
        public int Asked { get; private set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult(status == HttpStatusCode.OK
                ? new HttpResponseMessage(status)
                {
                    Content = JsonContent.Create(new { id = UserId, login = "agent1", displayName = "Anna", role = "agent", lines = new[] { "101" }, teamLines = Array.Empty<string>() }),
                }
                : new HttpResponseMessage(status));
        }
    }
}
