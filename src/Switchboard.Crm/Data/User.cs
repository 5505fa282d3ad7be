using Switchboard.Crm.Users;

namespace Switchboard.Crm.Data;

public sealed class User
{
    public Guid Id { get; set; }
    public required string Login { get; set; }
    public required string DisplayName { get; set; }
    public UserRole Role { get; set; }

    /// <summary>ASP.NET Core Identity's hash format (PBKDF2 with salt); the password itself is never stored.</summary>
    public required string PasswordHash { get; set; }

    public List<Line> Lines { get; set; } = [];

    /// <summary>The team whose supervisors read this user's calls; none for a user in no team.</summary>
    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Whether the panel drives the PBX's phone or is the phone itself; the web phone needs a <see cref="SipAccount"/>.</summary>
    public PhoneStyle PhoneStyle { get; set; }

    /// <summary>A disabled user keeps their data but cannot sign in, and their sessions have ended.</summary>
    public bool Disabled { get; set; }
}
