using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm;
using Switchboard.Crm.Data;
using Switchboard.CrmLoad.Measuring;

namespace Switchboard.CrmLoad;

/// <summary>
/// The CRM's services as the application registers them (<see cref="CrmServiceCollectionExtensions.AddCrm"/>)
/// from in-memory settings, plus a counter of the SQL commands its contexts run.
/// </summary>
internal static class CrmServices
{
    public static ServiceProvider Build(string provider, string connectionString, CommandCounter counter)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [CrmDatabaseProvider.ProviderKey] = provider,
                [CrmDatabaseProvider.ConnectionStringKey] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCrm(configuration);
        if (provider == CrmDatabaseProvider.Postgres)
        {
            services.ConfigureDbContext<PostgresCrmDbContext>(options => options.AddInterceptors(counter));
        }
        else
        {
            services.ConfigureDbContext<SqliteCrmDbContext>(options => options.AddInterceptors(counter));
        }

        return services.BuildServiceProvider();
    }
}
