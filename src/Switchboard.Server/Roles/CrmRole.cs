using Switchboard.Crm;
using Switchboard.Crm.Auth;

namespace Switchboard.Server.Roles;

/// <summary>
/// The CRM alone: its API, sign-in, database, migrations and demo data. No PBX, no hub; Messaging
/// Services elsewhere reach it over HTTP. Ready once the database is migrated, which happens before
/// it listens.
/// </summary>
internal sealed class CrmRole : IServerRole
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrm(configuration);
        services.AddCrmAuthentication(configuration);
        services.AddHealthChecks();
    }

    public Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CrmDatabase.MigrateAndSeedAsync(services, cancellationToken);

    public void MapEndpoints(WebApplication app) => app.MapCrmEndpoints();
}
