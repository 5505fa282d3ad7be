using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>The CRM's services on a new database of their own, migrated (and seeded when asked).</summary>
internal sealed class CrmTestHost : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly TestDatabase _database;

    private CrmTestHost(TempFolder folder, TestDatabase database, ServiceProvider services, IConfiguration configuration)
    {
        _folder = folder;
        _database = database;
        Services = services;
        Configuration = configuration;
    }

    public ServiceProvider Services { get; }
    public IConfiguration Configuration { get; }
    public string Folder => _folder.Path;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public CrmDbContext CreateDbContext() => Get<IDbContextFactory<CrmDbContext>>().CreateDbContext();

    public static async Task<CrmTestHost> StartAsync(CrmTestDatabase engine, bool demo = true, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var folder = new TempFolder();
        var database = await engine.CreateAsync(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(folder, database, demo))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCrm(configuration)
            .BuildServiceProvider(validateScopes: true);
        await CrmDatabase.MigrateAndSeedAsync(services, Timeouts.Token()).WithTimeout();
        return new CrmTestHost(folder, database, services, configuration);
    }

    /// <summary>The settings a test host runs with: its database, everything else in its own folder.</summary>
    public static Dictionary<string, string?> Settings(TempFolder folder, TestDatabase database, bool demo) => new(database.Settings)
    {
        ["Auth:SigningKeyFile"] = folder.File("switchboard.signing-key"),
        ["DataProtection:KeysPath"] = folder.File("keys"),
        ["Demo:Enabled"] = demo ? "true" : "false",
    };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Dispose();
    }
}
