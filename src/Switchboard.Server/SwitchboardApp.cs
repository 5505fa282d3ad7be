using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Crm;
using Switchboard.Crm.Auth;
using Switchboard.Messaging;
using Switchboard.Messaging.Ports;
using Switchboard.Server.Adapters;
using Switchboard.Server.Health;

namespace Switchboard.Server;

/// <summary>Builds the whole system in one process: CRM, Messaging Service and the PBX connector.</summary>
public static class SwitchboardApp
{
    /// <summary>Builds the application and prepares its database; the caller starts it.</summary>
    public static async Task<WebApplication> CreateAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddCrm(configuration);
        services.AddCrmAuthentication(configuration);
        services.AddPbxConnector(configuration);
        services.AddMessagingService(configuration);
        services.AddSingleton<IUserDirectory, CrmUserDirectory>();
        services.AddSingleton<ICallerLookup, CrmCallerLookup>();
        services.AddSingleton<ICallLogWriter, CrmCallLogWriter>();
        services.AddSingleton<Switchboard.Crm.Calls.ICallLinkListener, TrackerCallLinkListener>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready");

        var app = builder.Build();
        await CrmDatabase.MigrateAndSeedAsync(app.Services, cancellationToken);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapCrmEndpoints();
        app.MapCtiHub();
        app.MapPbxEndpoints();
        return app;
    }
}
