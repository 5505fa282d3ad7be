using System.Security.Claims;

namespace Switchboard.Connectors.Simulator;

/// <summary>
/// Who a signed-in request to the simulator's endpoints comes from. The simulator keeps no users:
/// the host answers from its user directory (the CRM), so the lines and the role are those of now,
/// not those written in the token.
/// </summary>
public interface ISimulatorUsers
{
    /// <summary>The user behind <paramref name="principal"/>, or <see cref="SimulatorUser.Nobody"/> when the directory does not know them.</summary>
    ValueTask<SimulatorUser> FindAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
