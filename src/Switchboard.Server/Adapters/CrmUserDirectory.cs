using System.Security.Claims;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Users;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>
/// The Messaging Service reads who signed in from the principal that the in-process CRM's judge
/// accepted (<see cref="SignedInIdentity"/>): no second query per connection.
/// </summary>
internal sealed class CrmUserDirectory : IUserDirectory
{
    public SignedIn? FindSignedIn(ClaimsPrincipal? principal) =>
        principal?.Identities.OfType<SignedInIdentity>().FirstOrDefault() is { } identity
            ? new SignedIn(ToMessagingUser(identity.User), ToSessionRef(identity.Session))
            : null;

    public static MessagingUser ToMessagingUser(CrmUser user) =>
        new(user.Id, user.Login, user.DisplayName, ToContract(user.Role), user.Lines) { TeamLines = user.TeamLines };

    public static SessionRef ToSessionRef(SessionKey key) => new(key.UserId, key.SessionId, key.Stamp);

    private static Contracts.UserRole ToContract(UserRole role) => role switch
    {
        UserRole.Supervisor => Contracts.UserRole.Supervisor,
        UserRole.Administrator => Contracts.UserRole.Administrator,
        _ => Contracts.UserRole.Agent,
    };
}
