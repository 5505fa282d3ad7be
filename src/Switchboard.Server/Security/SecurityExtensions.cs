namespace Switchboard.Server.Security;

/// <summary>The server's defences in the browser, the same in every role: security headers, HSTS, the origin check.</summary>
internal static class SecurityExtensions
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate(
                o => o.AllowedOrigins.All(OriginPolicy.IsOrigin),
                "Security:AllowedOrigins must hold origins only: http(s)://host[:port], without a path.")
            .ValidateOnStart();
        services.AddSingleton<OriginPolicy>();
        return services;
    }

    /// <summary>First in the pipeline, so that every answer has the headers and no foreign page reaches anything.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // Only over https, and (ASP.NET Core's defaults) not for localhost, whose other ports it would also turn to https.
        app.UseHsts();
        app.UseMiddleware<OriginCheckMiddleware>();
        return app;
    }
}
