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

    private const string AccessTokenQueryKey = "access_token";

    /// <summary>
    /// Accepts Switchboard's tokens (JwtBearer, issuer and audience "switchboard") and sets up authorization.
    /// Role claims are read as they are, so <c>RequireRole("Supervisor")</c> works.
    /// </summary>
    public static IServiceCollection AddCrmAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCrmTokens(configuration);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.CreateValidationParameters();
                options.Events = new JwtBearerEvents { OnMessageReceived = ReadHubTokenFromQuery };
            });
        services.AddAuthorization();
        return services;
    }

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

    // WebSockets cannot carry an Authorization header from a browser; SignalR puts the token in the query instead.
    private static Task ReadHubTokenFromQuery(MessageReceivedContext context)
    {
        if (string.IsNullOrEmpty(context.Token)
            && context.HttpContext.Request.Path.StartsWithSegments(HubsPath)
            && context.Request.Query[AccessTokenQueryKey].ToString() is { Length: > 0 } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }
}
