using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Server.Security;

/// <summary>
/// Decides whether a request comes from a page the server does not trust. A browser names the
/// page's origin in <c>Origin</c> on every WebSocket upgrade, cross-origin request and
/// state-changing request; where it leaves it out, <c>Sec-Fetch-Site</c> still says whether the
/// page was of another origin. A request with neither comes from a program, not from a page.
/// </summary>
internal sealed class OriginPolicy
{
    private const string SecFetchSite = "Sec-Fetch-Site";

    private readonly Uri[] _allowed;

    public OriginPolicy(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = [.. options.Value.AllowedOrigins.Select(origin => new Uri(origin))];
    }

    public bool IsForeign(HttpRequest request)
    {
        var origin = request.Headers[HeaderNames.Origin];
        if (origin.Count > 0)
        {
            return origin.Count > 1 || !IsAllowed(origin.ToString(), request);
        }

        // Same-site is foreign too: a page on another port of this host is same-site, and the
        // SameSite=Strict cookie goes along with its requests.
        return request.Headers[SecFetchSite].ToString() is "cross-site" or "same-site";
    }

    /// <summary>Whether <paramref name="value"/> names an origin that <c>Security:AllowedOrigins</c> may hold.</summary>
    public static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.PathAndQuery == "/"
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.IsNullOrEmpty(uri.Fragment);

    private bool IsAllowed(string origin, HttpRequest request)
    {
        // "null" (a sandboxed frame, a file) and garbage parse as nothing and are foreign.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var page))
        {
            return false;
        }

        return (Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own) && SameOrigin(page, own))
            || _allowed.Any(allowed => SameOrigin(page, allowed));
    }

    // Scheme, host and port (a default port written out or left out alike), as browsers compare origins.
    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
