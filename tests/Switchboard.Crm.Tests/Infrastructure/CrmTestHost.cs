using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>The CRM's services on a real SQLite file of its own, migrated (and seeded when asked).</summary>
internal sealed class CrmTestHost : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private CrmTestHost(TempFolder folder, ServiceProvider services, IConfiguration configuration)
    {
        _folder = folder;
        Services = services;
        Configuration = configuration;
    }

    public ServiceProvider Services { get; }
    public IConfiguration Configuration { get; }
    public string Folder => _folder.Path;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public CrmDbContext CreateDbContext() => Get<IDbContextFactory<CrmDbContext>>().CreateDbContext();

    public static async Task<CrmTestHost> StartAsync(bool demo = true, IDictionary<string, string?>? settings = null)
    {
        var folder = new TempFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(folder, demo))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCrm(configuration)
            .BuildServiceProvider(validateScopes: true);
        await CrmDatabase.MigrateAndSeedAsync(services, Timeouts.Token()).WithTimeout();
        return new CrmTestHost(folder, services, configuration);
    }

    /// <summary>The settings a test host runs with: everything in its own folder.</summary>
    public static Dictionary<string, string?> Settings(TempFolder folder, bool demo) => new()
    {
        ["ConnectionStrings:Crm"] = $"Data Source={folder.File("crm.db")}",
        ["Auth:SigningKeyFile"] = folder.File("switchboard.signing-key"),
        ["Demo:Enabled"] = demo ? "true" : "false",
    };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _folder.Dispose();
    }
}
