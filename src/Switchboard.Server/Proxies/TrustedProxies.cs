using System.Net;

namespace Switchboard.Server.Proxies;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the server
/// believes (<c>Security:ForwardedHeaders:KnownProxies</c>, addresses, and
/// <c>Security:ForwardedHeaders:KnownNetworks</c>, CIDR ranges; each a list or one comma-separated
/// value). None by default: the headers are then ignored from everyone, as anybody can send them.
/// </summary>
internal sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks)
{
    public const string SectionName = "Security:ForwardedHeaders";
    public const string ProxiesKey = "KnownProxies";
    public const string NetworksKey = "KnownNetworks";

    public bool Any => Proxies.Count > 0 || Networks.Count > 0;

    /// <summary>Reads the settings; a value that is not an address or a range stops the start, naming it.</summary>
    public static TrustedProxies FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new TrustedProxies(
            [.. Values(section.GetSection(ProxiesKey)).Select(v => IPAddress.TryParse(v, out var a) ? a : throw Invalid(ProxiesKey, v, "an IP address"))],
            [.. Values(section.GetSection(NetworksKey)).Select(v => IPNetwork.TryParse(v, out var n) ? n : throw Invalid(NetworksKey, v, "a range such as 10.0.0.0/8"))]);
    }

    // "a,b" in one value (an environment variable), or a list (:0, :1... in JSON or on the command line).
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value ?? string.Empty))
            .SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static InvalidOperationException Invalid(string key, string value, string what) =>
        new($"{SectionName}:{key} holds '{value}', which is not {what}.");
}
