using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Crm.Users;

/// <summary>
/// A user's security stamp, derived from what makes a token theirs: id, login, role and password
/// hash. Derived rather than stored, so changing any of them changes it with no column to keep.
/// The password hash is salted and stays secret; the stamp is a hash of it, cut short.
/// </summary>
internal static class SecurityStamps
{
    private const int StampBytes = 16;

    public static string Compute(Guid id, string login, UserRole role, string passwordHash)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{id:N}\n{login}\n{role}\n{passwordHash}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Base64Url.EncodeToString(hash.AsSpan(0, StampBytes));
    }
}
