using System.Buffers.Text;
using System.Text.Json;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// The claims of a CRM token that the Messaging Service needs to watch its session: read from the
/// token's payload without checking its signature, which is the CRM's to check (it has, before
/// these are read: <see cref="CrmSignIns"/> asks it first).
/// </summary>
internal static class TokenClaims
{
    public sealed record Claims(Guid UserId, Guid SessionId, string Stamp, DateTimeOffset ExpiresAt);

    /// <summary>The claims, or null for a token that is not a JWT carrying all of them.</summary>
    public static Claims? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Guid.TryParse(Text(root, "sub"), out var user)
                && Guid.TryParse(Text(root, "sid"), out var session)
                && Text(root, "stamp") is { Length: > 0 } stamp
                && root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? new Claims(user, session, stamp, DateTimeOffset.FromUnixTimeSeconds(seconds))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
