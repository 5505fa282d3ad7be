namespace Switchboard.Messaging.Ports;

/// <summary>
/// Asks the CRM, many at once, which sessions of open hub connections are still good, and who
/// their users are now: the hub closes the connections of ended sessions and of changed users.
/// </summary>
public interface ISessionJudge
{
    /// <summary>The good sessions among <paramref name="sessions"/>, by session id; throws when the CRM cannot be asked.</summary>
    Task<IReadOnlyDictionary<Guid, MessagingUser>> JudgeAsync(IReadOnlyCollection<SessionRef> sessions, CancellationToken cancellationToken);
}
