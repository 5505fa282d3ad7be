using System.Security.Claims;
using Switchboard.Connectors.Simulator;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>
/// The simulator's endpoints learn who calls them from the Messaging Service's user directory, as
/// the hub does: the in-process CRM in role all, the CRM's answer about the token in role messaging.
/// </summary>
internal sealed class DirectorySimulatorUsers(IUserDirectory users) : ISimulatorUsers
{
    public ValueTask<SimulatorUser> FindAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        ValueTask.FromResult(users.FindSignedIn(principal)?.User is { } user
            ? new SimulatorUser(
                user.Lines,
                IsAdministrator: user.Role == UserRole.Administrator,
                MayCallQueues: user.Role is UserRole.Supervisor or UserRole.Administrator)
            : SimulatorUser.Nobody);
}
