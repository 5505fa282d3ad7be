using Switchboard.Crm.Auth;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service asks the in-process CRM's judge about its open connections' sessions.</summary>
internal sealed class CrmSessionJudge(SessionJudge judge) : ISessionJudge
{
    public async Task<IReadOnlyDictionary<Guid, MessagingUser>> JudgeAsync(IReadOnlyCollection<SessionRef> sessions, CancellationToken cancellationToken)
    {
        var good = await judge.JudgeAsync([.. sessions.Select(s => new SessionKey(s.UserId, s.SessionId, s.Stamp))], cancellationToken);
        return good.ToDictionary(g => g.Key, g => CrmUserDirectory.ToMessagingUser(g.Value));
    }
}
