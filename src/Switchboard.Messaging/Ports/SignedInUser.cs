using System.Security.Claims;

namespace Switchboard.Messaging.Ports;

/// <summary>Who a request or hub connection belongs to, as the CRM knows them now.</summary>
public static class SignedInUser
{
    /// <summary>The user named by the token's subject; null for no subject or a user the CRM does not know.</summary>
    public static async Task<MessagingUser?> FindSignedInAsync(this IUserDirectory users, ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var subject = principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal?.FindFirstValue("sub");
        return Guid.TryParse(subject, out var userId) ? await users.FindUserAsync(userId, cancellationToken) : null;
    }
}
