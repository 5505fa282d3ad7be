using Switchboard.Connectors.Simulator;

namespace Switchboard.Server;

/// <summary>Chooses the PBX connector named by <c>Pbx:Connector</c>.</summary>
internal static class PbxConnectorRegistration
{
    public const string Simulator = "Simulator";

    public static string ConfiguredConnector(IConfiguration configuration) =>
        configuration["Pbx:Connector"] is { Length: > 0 } name ? name : Simulator;

    public static IServiceCollection AddPbxConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var name = ConfiguredConnector(configuration);
        if (string.Equals(name, Simulator, StringComparison.OrdinalIgnoreCase))
        {
            return services.AddSimulatorConnector(configuration);
        }

        throw new InvalidOperationException(
            $"Pbx:Connector is '{name}', but this build has only the '{Simulator}' connector.");
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
