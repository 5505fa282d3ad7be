namespace Switchboard.Messaging.Ports;

/// <summary>Who a signed-in user is and which lines they own; the CRM answers.</summary>
public interface IUserDirectory
{
    Task<MessagingUser?> FindUserAsync(Guid userId, CancellationToken cancellationToken);
}

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
}
