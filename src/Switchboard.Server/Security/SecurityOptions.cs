namespace Switchboard.Server.Security;

/// <summary>Settings of the configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (<c>https://panel.example.org</c>) besides the server's own whose pages may reach the
    /// hub and change state with the sign-in cookie. The server's own origin, the scheme and host
    /// of the request (after forwarded headers, when the host applies them), is always allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; set; } = [];
}
