using Switchboard.Crm.Auth;

namespace Switchboard.Server.Security;

/// <summary>
/// Keeps other origins' pages away from the hub and from state changes made with the sign-in
/// cookie, which a browser sends with a same-site page's requests (another port of this host is
/// same-site). A foreign page is refused, with a 403 problem:
/// <list type="bullet">
/// <item>on every request under <c>/hubs</c> (negotiate, WebSocket upgrade, polling), whatever the
/// credential: it would read the user's calls and act on them;</item>
/// <item>on every state-changing method (POST, PUT, PATCH, DELETE) that does not sign in with an
/// <c>Authorization</c> header: the cookie's requests, and logout and login, which need none. A
/// foreign page cannot send that header without a CORS preflight, which the server never grants.</item>
/// </list>
/// Programs (the .NET client, curl, the Messaging Service) send no <c>Origin</c> and pass.
/// </summary>
internal sealed partial class OriginCheckMiddleware(RequestDelegate next, OriginPolicy origins, ILogger<OriginCheckMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsGuarded(request) || !origins.IsForeign(request))
        {
            return next(context);
        }

        LogRefused(request.Method, request.Path, request.Headers.Origin.ToString(), request.Headers["Sec-Fetch-Site"].ToString());
        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-origin request refused",
            detail: "Only the server's own pages, and those of Security:AllowedOrigins, may reach the hub or change state with the sign-in cookie.")
            .ExecuteAsync(context);
    }

    private static bool IsGuarded(HttpRequest request) =>
        request.Path.StartsWithSegments(CrmAuthenticationExtensions.HubsPath)
        || (ChangesState(request.Method) && request.Headers.Authorization.Count == 0);

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    [LoggerMessage(1, LogLevel.Warning, "Refused {Method} {Path} from a foreign page (Origin '{Origin}', Sec-Fetch-Site '{FetchSite}')")]
    private partial void LogRefused(string method, string path, string origin, string fetchSite);
}
