using Switchboard.Messaging;
using Switchboard.Messaging.Conferences;
using Switchboard.Messaging.CrmLink;
using Switchboard.Messaging.Recording;
using Switchboard.Messaging.Team;
using Switchboard.Server.Health;

namespace Switchboard.Server.Roles;

/// <summary>
/// The Messaging Service alone: the PBX connector, the tracker, the hub and (with the simulator)
/// its endpoints. No database: users, lookups and saves go to the CRM at <c>Crm:Url</c>, saves
/// through the durable outbox.
/// </summary>
internal sealed class MessagingRole : IServerRole
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPbxConnector(configuration);
        services.AddMessagingService(configuration);
        services.AddCrmLink(configuration);
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready");
    }

    public Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public void MapEndpoints(WebApplication app)
    {
        app.MapCtiHub();
        app.MapTeamCallEndpoints();
        app.MapCallRecordingEndpoints();
        app.MapConferenceEndpoints();
        app.MapPbxEndpoints();
    }
}
