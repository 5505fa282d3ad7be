using Switchboard.Connectors.Asterisk;
using Switchboard.Connectors.Simulator;
using Switchboard.Server.Adapters;

namespace Switchboard.Server;

/// <summary>Chooses the PBX connector named by <c>Pbx:Connector</c>.</summary>
internal static class PbxConnectorRegistration
{
    public const string Simulator = "Simulator";
    public const string Asterisk = "Asterisk";

    public static string ConfiguredConnector(IConfiguration configuration) =>
        configuration["Pbx:Connector"] is { Length: > 0 } name ? name : Simulator;

    public static IServiceCollection AddPbxConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var name = ConfiguredConnector(configuration);
        if (string.Equals(name, Simulator, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISimulatorUsers, DirectorySimulatorUsers>();
            return services.AddSimulatorConnector(configuration);
        }

        if (string.Equals(name, Asterisk, StringComparison.OrdinalIgnoreCase))
        {
            return services.AddAsteriskConnector(configuration);
        }

        throw new InvalidOperationException(
            $"Pbx:Connector is '{name}'; it must be '{Simulator}' or '{Asterisk}'.");
    }

    /// <summary>The simulator's HTTP endpoints exist only while the simulator is the configured PBX.</summary>
    public static void MapPbxEndpoints(this WebApplication app)
    {
        if (string.Equals(ConfiguredConnector(app.Configuration), Simulator, StringComparison.OrdinalIgnoreCase))
        {
            app.MapSimulatorEndpoints();
        }
    }
}
