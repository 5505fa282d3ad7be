using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Hub;
using Switchboard.Messaging.Outbox;
using Switchboard.Messaging.Pump;
using Switchboard.Messaging.Resync;
using Switchboard.Messaging.Routing;
using Switchboard.Messaging.Sessions;
using Switchboard.Telephony.Connectors;
using Switchboard.Telephony.Tracking;

namespace Switchboard.Messaging;

public static class MessagingServiceCollectionExtensions
{
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>
    /// The hub, the pump from the connector through the tracker, and the saver behind its durable
    /// outbox (<c>Messaging:OutboxPath</c>). The host supplies
    /// the connector and the CRM ports (<see cref="Ports.IUserDirectory"/>, <see cref="Ports.ICallerLookup"/>,
    /// <see cref="Ports.ICallLogWriter"/>, <see cref="Ports.IOpenCallReader"/>, <see cref="Ports.ISessionJudge"/>,
    /// <see cref="Ports.IWebPhoneLineReader"/>).
    /// </summary>
    public static IServiceCollection AddMessagingService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection("Messaging"));
        services.AddOptions<CallTrackerOptions>().Bind(configuration.GetSection("Telephony"));
        services.AddSignalR(hub => hub.AddFilter<HubInvocationLog>());
        services.Configure<LoggerFilterOptions>(SilenceDispatcherErrors);
        services.AddSingleton(sp => new CallTracker(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CallTrackerOptions>>().Value,
            sp.GetRequiredService<IPbxConnector>().Capabilities));
        services.AddSingleton<ConnectedUsers>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<SessionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionWatch>());
        services.AddSingleton<CtiNotifier>();
        services.AddSingleton<BrowserSavedLines>();
        services.AddHostedService(sp => sp.GetRequiredService<BrowserSavedLines>());

        // The outbox first: it takes up what waited on disk before the pump can add to it.
        services.AddSingleton<CallOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<CallOutbox>());
        services.AddSingleton<CallSaver>();
        services.AddHostedService(sp => sp.GetRequiredService<CallSaver>());
        services.AddSingleton<CutOffCallCloser>();
        services.AddHostedService(sp => sp.GetRequiredService<CutOffCallCloser>());
        services.AddSingleton<CallPump>();
        services.AddHostedService(sp => sp.GetRequiredService<CallPump>());
        return services;
    }

    // SignalR's dispatcher logs every exception of a hub method at Error with its stack (its events
    // FailedInvokingHubMethod and FailedStreaming, its only ones above Debug), refusals included;
    // HubInvocationLog logs each of them once, at the level it deserves. The rule goes first, so a
    // setting for this category in the configuration (Logging:LogLevel:...) still overrides it.
    private static void SilenceDispatcherErrors(LoggerFilterOptions options) =>
        options.Rules.Insert(0, new LoggerFilterRule(null, DispatcherCategory, LogLevel.Critical, null));

    /// <summary>
    /// Maps the hub. A connection closes when its token expires (the authentication's expiry), and
    /// <see cref="SessionWatch"/> closes those whose session ends or whose user changes before that.
    /// </summary>
    public static HubEndpointConventionBuilder MapCtiHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<CtiHub>(CtiCommands.HubPath, options => options.CloseOnAuthenticationExpiration = true);
}
