using Switchboard.Crm.Users;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service asks the in-process CRM who a user is.</summary>
internal sealed class CrmUserDirectory(UserDirectory directory) : IUserDirectory
{
    public async Task<MessagingUser?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await directory.FindUserAsync(userId, cancellationToken) is { } user
            ? new MessagingUser(user.Id, user.Login, user.DisplayName, ToContract(user.Role), user.Lines) { TeamLines = user.TeamLines }
            : null;

    private static Contracts.UserRole ToContract(UserRole role) => role switch
    {
        UserRole.Supervisor => Contracts.UserRole.Supervisor,
        UserRole.Administrator => Contracts.UserRole.Administrator,
        _ => Contracts.UserRole.Agent,
    };
}
