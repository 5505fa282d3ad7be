using Microsoft.AspNetCore.HttpOverrides;

namespace Switchboard.Server.Proxies;

internal static class TrustedProxyExtensions
{
    /// <summary>
    /// Believes the forwarded headers of <see cref="TrustedProxies"/> only: the client's address
    /// (which login throttling counts by) and scheme (which makes the sign-in cookie Secure) come
    /// from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> when the connection is from one of
    /// them, hop by hop through every trusted proxy of a chain, and stop at the first hop that is not.
    /// <c>X-Forwarded-Host</c> is never believed.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = TrustedProxies.FromConfiguration(configuration);
        services.AddSingleton(trusted);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = null;

            // ASP.NET Core trusts loopback by default; only what the operator named is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in trusted.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address; nothing without trusted proxies.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TrustedProxies>().Any)
        {
            app.UseForwardedHeaders();
        }
    }
}
