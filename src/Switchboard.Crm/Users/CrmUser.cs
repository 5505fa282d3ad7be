using System.Text.Json.Serialization;

namespace Switchboard.Crm.Users;

/// <summary>A user as the rest of the system sees them: who they are and which lines they own.</summary>
public sealed record CrmUser(Guid Id, string Login, string DisplayName, UserRole Role, IReadOnlyList<string> Lines)
{
    /// <summary>Supervisors and administrators read every line's calls; agents only their own.</summary>
    [JsonIgnore]
    public bool SeesAllLines => Role is UserRole.Supervisor or UserRole.Administrator;

    /// <summary>
    /// Changes whenever the login, role or password does (<see cref="SecurityStamps"/>). Tokens
    /// carry the stamp of their moment, so a token of a user changed since is refused. Null for a
    /// user not read from the store.
    /// </summary>
    [JsonIgnore]
    public string? SecurityStamp { get; init; }

    public bool OwnsLine(string line) => Lines.Contains(line, StringComparer.Ordinal);
}
