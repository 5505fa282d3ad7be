using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Crm.Auth;

public static class CrmAuthenticationExtensions
{
    /// <summary>The path under which browsers' SignalR WebSocket clients send the token in the query string.</summary>
    public const string HubsPath = "/hubs";

    /// <summary>The default scheme: picks the bearer token when the request carries one, else the sign-in cookie.</summary>
    public const string Scheme = "Switchboard";

    /// <summary>The token in <see cref="AuthCookie"/>, checked exactly as a bearer token is.</summary>
    public const string CookieScheme = "SwitchboardCookie";

    private const string AccessTokenQueryKey = "access_token";

    /// <summary>
    /// Accepts Switchboard's tokens (issuer and audience "switchboard") from the Authorization header,
    /// from the query string of hub requests, or from the web panel's sign-in cookie, and sets up
    /// authorization. Role claims are read as they are, so <c>RequireRole("Supervisor")</c> works.
    /// </summary>
    public static IServiceCollection AddCrmAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCrmTokens(configuration);
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", options => options.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer()
            .AddJwtBearer(CookieScheme);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.CreateValidationParameters();
                options.Events = new JwtBearerEvents { OnMessageReceived = ReadHubTokenFromQuery, OnTokenValidated = JudgeSessionAsync };
            });
        services.AddOptions<JwtBearerOptions>(CookieScheme)
            .Configure<TokenIssuer>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.CreateValidationParameters();
                options.Events = new JwtBearerEvents { OnMessageReceived = ReadTokenFromCookie, OnTokenValidated = JudgeSessionAsync };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>True when the request signs in with the cookie rather than a bearer token.</summary>
    public static bool UsesCookie(HttpContext context) => SelectScheme(context) == CookieScheme;

    /// <summary>The signing key and the token issuer, shared by <c>AddCrm</c> and <see cref="AddCrmAuthentication"/>.</summary>
    internal static IServiceCollection AddCrmTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SigningKeyStore(
            sp.GetRequiredService<IOptions<AuthOptions>>(),
            sp.GetRequiredService<ILogger<SigningKeyStore>>()));
        services.TryAddSingleton(sp => new TokenIssuer(
            sp.GetRequiredService<SigningKeyStore>(),
            sp.GetRequiredService<IOptions<AuthOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    // A token the client sends on purpose (header, or a hub's query string) wins over the cookie
    // the browser sends by itself; with neither, the bearer scheme answers 401.
    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0 || HasHubQueryToken(context.Request))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return AuthCookie.IsPresent(context.Request) ? CookieScheme : JwtBearerDefaults.AuthenticationScheme;
    }

    private static bool HasHubQueryToken(HttpRequest request) =>
        request.Path.StartsWithSegments(HubsPath) && request.Query[AccessTokenQueryKey].ToString().Length > 0;

    // WebSockets cannot carry an Authorization header from a browser; SignalR puts the token in the query instead.
    private static Task ReadHubTokenFromQuery(MessageReceivedContext context)
    {
        if (string.IsNullOrEmpty(context.Token) && HasHubQueryToken(context.Request))
        {
            context.Token = context.Request.Query[AccessTokenQueryKey].ToString();
        }

        return Task.CompletedTask;
    }

    // A signature and an expiry prove only that we issued the token; whether it is still good is the
    // judge's to say, for every request, the hub's negotiate and connect among them.
    private static async Task JudgeSessionAsync(TokenValidatedContext context)
    {
        var judge = context.HttpContext.RequestServices.GetRequiredService<SessionJudge>();
        if (context.Principal is null
            || SessionKey.From(context.Principal) is not { } key
            || await judge.JudgeAsync(key, context.HttpContext.RequestAborted) is not { } user)
        {
            context.Fail("The session has ended, or its user was removed, disabled or changed since signing in.");
            return;
        }

        context.Principal = new ClaimsPrincipal(new SignedInIdentity(user, key, context.Scheme.Name));
    }

    private static Task ReadTokenFromCookie(MessageReceivedContext context)
    {
        context.Token = context.Request.Cookies[AuthCookie.Name];
        return Task.CompletedTask;
    }
}
