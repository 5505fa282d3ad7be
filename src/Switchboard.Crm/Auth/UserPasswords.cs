using Microsoft.AspNetCore.Identity;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Auth;

/// <summary>Hashes and checks passwords with ASP.NET Core Identity's hasher (PBKDF2, salted, versioned).</summary>
public static class UserPasswords
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Checked when the login is unknown, so that a wrong login costs as much time as a wrong password.
    private static readonly User Nobody = new() { Login = "", DisplayName = "", PasswordHash = "" };
    private static readonly Lazy<string> NobodyHash = new(() => Hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    internal static PasswordVerificationResult Verify(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    internal static void SpendVerificationTime(string password) =>
        Hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password);
}
