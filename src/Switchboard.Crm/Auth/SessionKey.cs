using System.Security.Claims;

namespace Switchboard.Crm.Auth;

/// <summary>What a token says about its sign-in: whose it is, which session, and the user's security stamp then.</summary>
public readonly record struct SessionKey(Guid UserId, Guid SessionId, string Stamp)
{
    /// <summary>The key of a validated token's principal; null when a claim is missing, as in tokens of no session.</summary>
    public static SessionKey? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindUserId() is { } user
            && principal.FindSessionId() is { } session
            && principal.FindFirst(CrmClaims.Stamp)?.Value is { Length: > 0 } stamp
            ? new SessionKey(user, session, stamp)
            : null;
    }
}
