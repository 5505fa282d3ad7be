using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Recordings;
using Switchboard.Crm.SipAccounts;
using Switchboard.Crm.Teams;
using Switchboard.Crm.Users;

namespace Switchboard.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the CRM: its database (provider from <c>Database:Provider</c>), number normalisation,
    /// caller lookup, the call log and its editing, the user directory and administration, login
    /// throttling and the token issuer. The services are singletons that open a context per
    /// operation, so hubs and background services can use them. Register any number of
    /// <see cref="ICallLinkListener"/> singletons to hear of calls linked while active.
    /// </summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CrmOptions>()
            .Bind(configuration.GetSection(CrmOptions.SectionName))
            .Validate(
                o => o.TrailingDigits is >= CrmOptions.MinTrailingDigits and <= CrmOptions.MaxTrailingDigits,
                $"Crm:TrailingDigits must be from {CrmOptions.MinTrailingDigits} to {CrmOptions.MaxTrailingDigits}.")
            .Validate(o => o.ExportMaxRows > 0, "Crm:ExportMaxRows must be above zero.");
        services.AddOptions<RecordingsOptions>().Bind(configuration.GetSection(RecordingsOptions.SectionName));
        services.AddSingleton<RecordingFiles>();
        services.AddCrmDbContext(configuration);
        services.AddSingleton<PhoneNumberNormalizer>();
        services.AddSingleton<CallerLookup>();
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<LineOwners>();
        services.AddSingleton<CallLog>();
        services.AddSingleton<CallQueries>();
        services.AddSingleton<CallEditor>();
        services.AddSingleton<OpenCalls>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<PhoneStyles>();
        services.AddSingleton<WebPhoneLines>();
        services.AddSingleton<TeamAdministration>();
        services.AddSingleton<SipAccountStore>();

        // Encrypts the web-phone passwords. The keys are kept in a folder, so they survive restarts;
        // several CRM processes must share that folder (or another key store) to read each other's.
        // The library writes each key file for its owner only; the folder is made so before it would
        // make it with the umask's mode and show everyone the keys' names and dates.
        var keys = new DirectoryInfo(configuration["DataProtection:KeysPath"] is { Length: > 0 } path ? path : "switchboard-keys");
        OwnerOnlyFiles.CreateFolder(keys.FullName);
        services.AddDataProtection()
            .SetApplicationName("Switchboard")
            .PersistKeysToFileSystem(keys);
        services.AddSingleton<PasswordLogin>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionJudge>();
        services.AddSingleton<ISessionChangeListener>(sp => sp.GetRequiredService<SessionJudge>());
        services.AddSingleton<LoginThrottle>();
        services.AddCrmTokens(configuration);
        services.Configure<JsonOptions>(options => AddCamelCaseEnums(options.SerializerOptions));
        return services;
    }

    // The API's enums travel as camelCase names ("incoming", "supervisor"), like the client contract's.
    private static void AddCamelCaseEnums(JsonSerializerOptions options)
    {
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }
    }
}
