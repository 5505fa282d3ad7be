using System.Security.Claims;
using Switchboard.Crm.Auth;

namespace Switchboard.Crm.Users;

internal static class CurrentUser
{
    /// <summary>
    /// The signed-in user as stored now, not as the token remembers them: a changed line takes
    /// effect at once, and a removed user, or one whose login, role or password changed since the
    /// token was issued, is nobody.
    /// </summary>
    public static async Task<CrmUser?> FindAsync(this UserDirectory users, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindUserId() is not { } id || await users.FindUserAsync(id, cancellationToken) is not { } user)
        {
            return null;
        }

        var stamp = principal.FindFirst(CrmClaims.Stamp)?.Value;
        return stamp is not null && string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal) ? user : null;
    }
}
