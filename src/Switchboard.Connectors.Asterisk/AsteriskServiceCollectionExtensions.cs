using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

public static class AsteriskServiceCollectionExtensions
{
    /// <summary>
    /// Asterisk as the PBX. Settings come from the <c>Asterisk</c> section: <c>Host</c>, <c>Port</c>,
    /// <c>Username</c>, <c>Secret</c> (from the environment: <c>Asterisk__Secret</c>) and the AMI timings
    /// (<see cref="AmiOptions"/>), the dialplan and queue settings (<see cref="AsteriskOptions"/>) and
    /// <c>Asterisk:Mapping</c> (<see cref="AmiMappingOptions"/>).
    /// </summary>
    public static IServiceCollection AddAsteriskConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Asterisk");
        services.AddOptions<AsteriskOptions>().Bind(section);
        services.AddOptions<AmiMappingOptions>()
            .Bind(section.GetSection("Mapping"))
            .Configure(mapping => section.GetSection("QueueWrapUp").Bind(mapping.QueueWrapUp));
        services.AddSingleton(sp =>
        {
            var ami = section.Get<AmiOptions>() ?? new AmiOptions();
            return new AmiConnection(
                ami with { RetryInitialConnect = true, Events = null, EventFilter = AmiCallMapper.EventFilter },
                sp.GetRequiredService<ILogger<AmiConnection>>(),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new AmiCallMapper(sp.GetRequiredService<IOptions<AmiMappingOptions>>().Value));
        services.AddSingleton<AsteriskConnector>();
        services.AddSingleton<IPbxConnector>(sp => sp.GetRequiredService<AsteriskConnector>());
        return services;
    }
}
