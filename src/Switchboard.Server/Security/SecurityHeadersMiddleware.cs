using Microsoft.Extensions.Options;
using Switchboard.Crm.Recordings;

namespace Switchboard.Server.Security;

/// <summary>
/// Puts the security headers on every answer, error pages included (set as the answer starts, so
/// the exception handler's clearing of headers cannot drop them):
/// <list type="bullet">
/// <item>a Content-Security-Policy the panel keeps with nothing inline: scripts, styles and
/// everything else from the server itself; images also as <c>data:</c> (the icon); connections to
/// the server and to any WebSocket, as the web phone registers with the SIP server its account
/// names, on another host; no plugins, no base URL, forms only to the server; and no framing;</item>
/// <item><c>X-Frame-Options: DENY</c> for browsers that do not know <c>frame-ancestors</c>;</item>
/// <item><c>X-Content-Type-Options: nosniff</c>, so nothing is run as a type it was not sent as;</item>
/// <item><c>Referrer-Policy: no-referrer</c>: the panel's addresses stay in the panel.</item>
/// </list>
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<RecordingsOptions> recordings)
{
    private const string BasePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly string _policy = PolicyFor(recordings.Value);

    /// <summary>
    /// The policy, with <c>media-src</c> widened to the recordings' other host when <c>Recordings:UrlTemplate</c> sends the
    /// player there: a browser checks the target of the recording endpoint's redirect against it.
    /// </summary>
    public static string PolicyFor(RecordingsOptions recordings) =>
        recordings is { Folder: not { Length: > 0 }, UrlTemplate: { Length: > 0 } template }
        && Uri.TryCreate(template.Replace("{file}", "f", StringComparison.Ordinal).Replace("{path}", "p", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? $"{BasePolicy}; media-src 'self' {uri.GetLeftPart(UriPartial.Authority)}"
            : BasePolicy;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
