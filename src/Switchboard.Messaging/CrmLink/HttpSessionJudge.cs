using System.Net.Http.Json;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>Judges open connections' sessions through the CRM's <c>POST /api/auth/sessions/check</c>, as the service account.</summary>
public sealed class HttpSessionJudge(CrmServiceAccount account) : ISessionJudge
{
    // The CRM's limit per request.
    private const int BatchSize = 1000;

    public async Task<IReadOnlyDictionary<Guid, MessagingUser>> JudgeAsync(IReadOnlyCollection<SessionRef> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var good = new Dictionary<Guid, MessagingUser>();
        foreach (var batch in sessions.Chunk(BatchSize))
        {
            var body = new { sessions = batch.Select(s => new { s.UserId, s.SessionId, s.Stamp }) };
            using var response = await account.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, "api/auth/sessions/check") { Content = JsonContent.Create(body, options: CrmApi.Json) },
                cancellationToken);
            await CrmApi.EnsureSuccessAsync(response, cancellationToken);
            var answer = await response.Content.ReadFromJsonAsync<Answer>(CrmApi.Json, cancellationToken)
                ?? throw new HttpRequestException("The CRM answered the session check with an empty body.");
            foreach (var session in answer.Sessions)
            {
                good[session.SessionId] = session.User.ToMessagingUser();
            }
        }

        return good;
    }

    private sealed record Answer(List<GoodSession> Sessions);

    private sealed record GoodSession(Guid SessionId, CrmApi.CrmUserAnswer User);
}
