using System.Security.Claims;
using Switchboard.Crm.Auth;

namespace Switchboard.Crm.Users;

internal static class CurrentUser
{
    /// <summary>
    /// The signed-in user as stored now, not as the token remembers them: a changed role or
    /// line takes effect at once, and a removed user is nobody.
    /// </summary>
    public static async Task<CrmUser?> FindAsync(this UserDirectory users, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        principal.FindUserId() is { } id ? await users.FindUserAsync(id, cancellationToken) : null;
}
