using Switchboard.Crm;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Calls;
using Switchboard.Messaging;
using Switchboard.Messaging.Conferences;
using Switchboard.Messaging.Ports;
using Switchboard.Messaging.Recording;
using Switchboard.Messaging.Team;
using Switchboard.Server.Adapters;
using Switchboard.Server.Health;

namespace Switchboard.Server.Roles;

/// <summary>Everything in one process: the CRM, and the Messaging Service using it through in-process adapters.</summary>
internal sealed class AllRole : IServerRole
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrm(configuration);
        services.AddCrmAuthentication(configuration);
        services.AddPbxConnector(configuration);
        services.AddMessagingService(configuration);
        services.AddSingleton<IUserDirectory, CrmUserDirectory>();
        services.AddSingleton<ICallerLookup, CrmCallerLookup>();
        services.AddSingleton<ICallLogWriter, CrmCallLogWriter>();
        services.AddSingleton<IOpenCallReader, CrmOpenCallReader>();
        services.AddSingleton<IWebPhoneLineReader, CrmWebPhoneLineReader>();
        services.AddSingleton<ICallLinkListener, TrackerCallLinkListener>();
        services.AddSingleton<ISessionJudge, CrmSessionJudge>();
        services.AddSingleton<ISessionChangeListener, HubSessionListener>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready");
    }

    public Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CrmDatabase.MigrateAndSeedAsync(services, cancellationToken);

    public void MapEndpoints(WebApplication app)
    {
        app.MapCrmEndpoints();
        app.MapCtiHub();
        app.MapTeamCallEndpoints();
        app.MapCallRecordingEndpoints();
        app.MapConferenceEndpoints();
        app.MapPbxEndpoints();
    }
}
