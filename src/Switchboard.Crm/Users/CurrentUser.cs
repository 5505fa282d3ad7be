using System.Security.Claims;
using Switchboard.Crm.Auth;

namespace Switchboard.Crm.Users;

internal static class CurrentUser
{
    /// <summary>
    /// The signed-in user as stored now, not as the token remembers them: <see cref="SessionJudge"/>
    /// read them when it accepted the request's token, so a changed line takes effect at once, and a
    /// removed or disabled user, one whose login, role or password changed, or a session that was
    /// logged out, is nobody.
    /// </summary>
#pragma warning disable IDE0060 // The directory stays the receiver: endpoints ask "users, who is this?".
    public static Task<CrmUser?> FindAsync(this UserDirectory users, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
#pragma warning restore IDE0060
        Task.FromResult(principal?.Identities.OfType<SignedInIdentity>().FirstOrDefault()?.User);
}
