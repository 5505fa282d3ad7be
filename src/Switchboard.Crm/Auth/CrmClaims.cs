using System.Security.Claims;

namespace Switchboard.Crm.Auth;

/// <summary>The claims of a Switchboard token, named as they travel (inbound claim mapping is off).</summary>
public static class CrmClaims
{
    public const string UserId = "sub";
    public const string Login = "name";
    public const string Role = "role";

    /// <summary>The user's security stamp when the token was issued; a token whose stamp is no longer the user's is refused.</summary>
    public const string Stamp = "stamp";

    /// <summary>The sign-in (<see cref="Data.Session"/>) the token belongs to; a token whose session has ended is refused.</summary>
    public const string SessionId = "sid";
    public const string Issuer = "switchboard";
    public const string Audience = "switchboard";

    /// <summary>The signed-in user's id, or null for a principal without a valid one.</summary>
    public static Guid? FindUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirst(UserId)?.Value, out var id) ? id : null;
    }

    /// <summary>The session the token belongs to, or null for a token without one.</summary>
    public static Guid? FindSessionId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirst(SessionId)?.Value, out var id) ? id : null;
    }
}
