using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Server.Problems;
using Switchboard.Server.Proxies;
using Switchboard.Server.Roles;
using Switchboard.Server.Security;
using Switchboard.Server.WebPanel;

namespace Switchboard.Server;

/// <summary>
/// Builds the server in the role named by <c>Role</c>: <c>all</c> (the default: CRM, Messaging
/// Service and PBX connector in one process), <c>crm</c> or <c>messaging</c>.
/// </summary>
public static class SwitchboardApp
{
    /// <summary>Builds the application and prepares its database; the caller starts it.</summary>
    public static Task<WebApplication> CreateAsync(string[] args, CancellationToken cancellationToken = default) =>
        CreateAsync(args, _ => { }, cancellationToken);

    /// <summary>
    /// Builds the application with <paramref name="configureServices"/> applied after the role's own
    /// services, so a host that embeds the server can supply a part of its own (tests give a PBX
    /// simulator that outlives the server) and prepares its database; the caller starts it.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(
        string[] args,
        Action<IServiceCollection> configureServices,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var builder = WebApplication.CreateBuilder(args);
        var role = ServerRoles.FromConfiguration(builder.Configuration);
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        services.AddMalformedRequestProblems();
        services.AddTrustedProxies(builder.Configuration);
        services.AddOpenApi();
        services.AddSecurity(builder.Configuration);
        role.AddServices(services, builder.Configuration);
        configureServices(services);

        var app = builder.Build();
        await role.PrepareAsync(app.Services, cancellationToken);

        app.UseTrustedProxies();
        app.UseSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebPanel();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        role.MapEndpoints(app);
        return app;
    }
}
