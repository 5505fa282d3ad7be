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
}
