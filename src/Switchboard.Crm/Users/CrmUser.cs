using System.Text.Json.Serialization;

namespace Switchboard.Crm.Users;

/// <summary>A user as the rest of the system sees them: who they are and which lines they own.</summary>
public sealed record CrmUser(Guid Id, string Login, string DisplayName, UserRole Role, IReadOnlyList<string> Lines)
{
    /// <summary>The team the user belongs to, whose calls its supervisors read; null for none.</summary>
    public Guid? TeamId { get; init; }

    public string? TeamName { get; init; }

    /// <summary>For a supervisor: every line of their team's members (their own among them), whose calls they watch and listen to; empty for others.</summary>
    public IReadOnlyList<string> TeamLines { get; init; } = [];

    /// <summary>Whether the panel drives the PBX's phone (third party) or is the phone (web phone, with the user's SIP account).</summary>
    public PhoneStyle PhoneStyle { get; init; }

    /// <summary>A disabled user cannot sign in and their sessions have ended; an administrator enables them again.</summary>
    public bool Disabled { get; init; }

    /// <summary>Administrators read every call; supervisors their team's and their own lines'; agents their own lines'.</summary>
    [JsonIgnore]
    public bool SeesEveryCall => Role == UserRole.Administrator;

    /// <summary>A supervisor in a team reads the calls its members handled.</summary>
    [JsonIgnore]
    public bool SeesTeamCalls => Role == UserRole.Supervisor && TeamId is not null;

    /// <summary>
    /// Changes whenever the login, role or password does (<see cref="SecurityStamps"/>). Tokens
    /// carry the stamp of their moment, so a token of a user changed since is refused. Null for a
    /// user not read from the store.
    /// </summary>
    [JsonIgnore]
    public string? SecurityStamp { get; init; }

    public bool OwnsLine(string line) => Lines.Contains(line, StringComparer.Ordinal);
}
