using Microsoft.AspNetCore.Http;

namespace Switchboard.Crm.Auth;

/// <summary>
/// The web panel's sign-in cookie. It holds the same signed token as a bearer header would, so it
/// expires with the token and any node that knows the signing key accepts it; HttpOnly keeps it
/// from page scripts, SameSite=Strict from other sites' requests.
/// </summary>
public static class AuthCookie
{
    public const string Name = "switchboard.auth";

    public static void Append(HttpResponse response, IssuedToken token)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(token);
        response.Cookies.Append(Name, token.Token, Options(response.HttpContext.Request, token.ExpiresAt));
    }

    public static void Delete(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, expires: null));
    }

    public static bool IsPresent(HttpRequest request) =>
        request?.Cookies.TryGetValue(Name, out var value) == true && !string.IsNullOrEmpty(value);

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
