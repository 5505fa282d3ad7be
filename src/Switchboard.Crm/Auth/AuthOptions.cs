namespace Switchboard.Crm.Auth;

/// <summary>Settings of sign-in and tokens (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The token signing key, base64, at least 32 bytes; from the environment or a secret store,
    /// never from the repository. Unset: a key is generated once and kept in <see cref="SigningKeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where a generated key is kept so that tokens survive restarts; relative to the working folder.</summary>
    public string SigningKeyFile { get; set; } = "switchboard.signing-key";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
