using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the simulator as the PBX connector: its options (section <c>Simulator</c>),
    /// the <see cref="SimulatedPbx"/> singleton, and <see cref="IPbxConnector"/> pointing at it.
    /// </summary>
    public static IServiceCollection AddSimulatorConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SimulatorOptions.SectionName);
        services.AddOptions<SimulatorOptions>()
            .Configure(options => Bind(section, options))
            .PostConfigure(options => DefaultRecordingsFolder(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatedPbx>();
        services.AddSingleton<IPbxConnector>(sp => sp.GetRequiredService<SimulatedPbx>());
        return services;
    }

    // The binder adds configured items to a list's defaults; configured extensions or queues replace them instead.
    private static void Bind(IConfigurationSection section, SimulatorOptions options)
    {
        if (section.GetSection(nameof(SimulatorOptions.Extensions)).GetChildren().Any())
        {
            options.Extensions = [];
        }

        if (section.GetSection(nameof(SimulatorOptions.Queues)).GetChildren().Any())
        {
            options.Queues = [];
        }

        section.Bind(options);
    }

    // The simulator is the PBX and the CRM reads what it writes: by default they share one folder.
    private static void DefaultRecordingsFolder(IConfiguration configuration, SimulatorOptions options) =>
        options.RecordingsFolder ??= configuration["Recordings:Folder"] is { } folder ? folder : "recordings";
}
