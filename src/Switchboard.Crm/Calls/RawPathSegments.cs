using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Route values as the client meant them when they hold an encoded slash. Kestrel decodes a path
/// except for "%2F", which it leaves as sent so that it cannot split the route: a SIP Call-ID with
/// "/" (RFC 3261 allows it; base64-made ones have it) would reach the endpoint as "%2F". The raw
/// request target keeps every segment exactly as sent; decoded once here, it is the client's value.
/// </summary>
internal static class RawPathSegments
{
    /// <summary>The path's last <paramref name="count"/> segments, each decoded once, or null without a raw target.</summary>
    public static string[]? LastOf(HttpContext context, int count)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var query = target.IndexOfAny(['?', '#']);
        var segments = (query < 0 ? target : target[..query]).Split('/');
        return segments.Length < count ? null : [.. segments[^count..].Select(Uri.UnescapeDataString)];
    }
}
