using System.Security.Claims;

namespace Switchboard.Messaging.Ports;

/// <summary>
/// Who a signed-in request or hub connection is: the authentication scheme of the host has asked
/// the CRM already (the in-process judge, or the CRM over HTTP), and left the answer on the principal.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The user and session of an authenticated principal; null when it carries none.</summary>
    SignedIn? FindSignedIn(ClaimsPrincipal? principal);
}

/// <summary>A signed-in user as the CRM judged them, and the session their token belongs to.</summary>
public sealed record SignedIn(MessagingUser User, SessionRef Session);

/// <summary>A token's sign-in: whose, which session, and the user's security stamp when it was issued.</summary>
public readonly record struct SessionRef(Guid UserId, Guid SessionId, string Stamp);

public sealed record MessagingUser(
    Guid Id,
    string Login,
    string DisplayName,
    Contracts.UserRole Role,
    IReadOnlyList<string> Lines)
{
    /// <summary>For a supervisor: the lines of their team's members, whose calls they watch and listen to.</summary>
    public IReadOnlyList<string> TeamLines { get; init; } = [];

    public bool CanListen => Role is Contracts.UserRole.Supervisor or Contracts.UserRole.Administrator;

    /// <summary>Whether the user may watch and listen to calls on <paramref name="line"/>: an administrator any, a supervisor their team's.</summary>
    public bool Watches(string line) =>
        Role == Contracts.UserRole.Administrator
        || (Role == Contracts.UserRole.Supervisor && TeamLines.Contains(line, StringComparer.Ordinal));

    public bool Owns(string line) => Lines.Contains(line, StringComparer.Ordinal);

    /// <summary>Whether a connection opened as <paramref name="other"/> would see and may do the same as this one.</summary>
    public bool SameRightsAs(MessagingUser other) =>
        other is not null
        && Id == other.Id
        && Role == other.Role
        && string.Equals(Login, other.Login, StringComparison.Ordinal)
        && Lines.SequenceEqual(other.Lines, StringComparer.Ordinal)
        && TeamLines.SequenceEqual(other.TeamLines, StringComparer.Ordinal);
}
