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
    public bool CanListen => Role is Contracts.UserRole.Supervisor or Contracts.UserRole.Administrator;

    public bool Owns(string line) => Lines.Contains(line, StringComparer.Ordinal);
}
