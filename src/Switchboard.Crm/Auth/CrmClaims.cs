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
    public const string Issuer = "switchboard";
    public const string Audience = "switchboard";

    /// <summary>The signed-in user's id, or null for a principal without a valid one.</summary>
    public static Guid? FindUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirst(UserId)?.Value, out var id) ? id : null;
    }
}
