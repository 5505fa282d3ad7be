using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

public static class CrmLinkServiceCollectionExtensions
{
    /// <summary>
    /// The Messaging Service's link to a CRM in another process: sign-in of hub connections with the
    /// CRM's tokens, the caller lookup and the call log save over HTTP (the save behind the outbox
    /// that <c>AddMessagingService</c> sets up). Settings from the <c>Crm</c> section, checked at start.
    /// </summary>
    public static IServiceCollection AddCrmLink(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CrmLinkOptions>()
            .Bind(configuration.GetSection(CrmLinkOptions.SectionName))
            .Validate(o => o.Url is { IsAbsoluteUri: true }, "Crm:Url must be the CRM's address, e.g. http://127.0.0.1:5180.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceLogin), "Crm:ServiceLogin must name the CRM account (an administrator) the Messaging Service signs in with.")
            .Validate(o => !string.IsNullOrEmpty(o.ServicePassword), "Crm:ServicePassword must be set, from the environment: Crm__ServicePassword.")
            .Validate(o => o.UserCacheTime >= TimeSpan.Zero && o.LookupTimeout > TimeSpan.Zero, "Crm:UserCacheTime and Crm:LookupTimeout must be positive.")
            .ValidateOnStart();

        services.AddHttpClient(CrmApi.ClientName, (sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<CrmLinkOptions>>().Value.BaseAddress;

            // The resilience handler sets the limits; the client's own would cut across its retries.
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).AddStandardResilienceHandler(ConfigureResilience);

        services.AddSingleton<CrmApi>();
        services.AddSingleton<CrmServiceAccount>();
        services.AddHostedService<CrmLinkWarmUp>();
        services.AddSingleton<CrmSignIns>();
        services.AddSingleton<IUserDirectory>(sp => sp.GetRequiredService<CrmSignIns>());
        services.AddSingleton<ICallerLookup, HttpCallerLookup>();
        services.AddSingleton<ICallLogWriter, HttpCallLogWriter>();
        services.AddSingleton<IOpenCallReader, HttpOpenCallReader>();
        services.AddSingleton<IWebPhoneLineReader, HttpWebPhoneLineReader>();
        services.AddSingleton<ISessionJudge, HttpSessionJudge>();
        services.AddAuthentication(CrmTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CrmTokenAuthenticationHandler>(CrmTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    // A sign-in and a new call's lookup wait for these answers, so a CRM that is down must cost little:
    // the circuit breaker then answers at once. A CRM that has just started answers its first
    // requests slowly (a cold start on two cores took seconds), hence no tighter limit per attempt.
    // Saves retry for ever in the outbox anyway; the lookup has its own shorter limit.
    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);

        // Login is the one request that is not idempotent; GET and the keyed PUT are.
        options.Retry.DisableFor(HttpMethod.Post);
        options.CircuitBreaker.MinimumThroughput = 5;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
    }
}
