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

    /// <summary>
    /// Failed logins from one client address after which it is refused (429) for every login until
    /// <see cref="LockoutWindow"/> has passed since the first of them; and failed logins for one
    /// login, from any addresses, after which it is refused to the addresses that failed for it
    /// (not to others: an attacker cannot lock its owner out). See <see cref="LoginThrottle"/>.
    /// </summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>The window in which <see cref="MaxFailedLogins"/> failures lock an address out, or put a login under attack.</summary>
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a request's judgement of its session is reused by later requests of the same
    /// session (<see cref="SessionJudge"/>); changes made through this process take effect at once,
    /// those of another CRM process within this time. Zero asks the database on every request.
    /// </summary>
    public TimeSpan SessionCacheTime { get; set; } = TimeSpan.FromSeconds(2);
}
