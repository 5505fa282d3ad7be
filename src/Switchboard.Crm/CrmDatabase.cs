using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Crm.Contacts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Demo;
using Switchboard.Crm.Setup;

namespace Switchboard.Crm;

public static partial class CrmDatabase
{
    public const string DemoEnabledKey = "Demo:Enabled";

    /// <summary>
    /// Brings the database schema up to date and, when <c>Demo:Enabled</c> is true, adds the demo
    /// users, contacts and accounts to a database that has no users yet; otherwise creates the
    /// first administrator from <c>Setup:AdminPassword</c> (<see cref="FirstAdministrator"/>). A
    /// production start (<c>ASPNETCORE_ENVIRONMENT=Production</c>) with the demo data on is
    /// refused before anything is touched: the demo's passwords are published.
    /// </summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(CrmDatabase));
        var demo = configuration.GetValue<bool>(DemoEnabledKey);
        if (demo && services.GetService<IHostEnvironment>()?.IsProduction() == true)
        {
            throw DemoInProduction();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            SqliteFile.CreateOwnerOnly(db.Database.GetConnectionString());

            // Write-ahead logging lets readers go on while a call is being saved; the file keeps the setting.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        Log.Migrated(logger);

        if (demo && await DemoSeeder.SeedIfEmptyAsync(db, services.GetRequiredService<PhoneNumberNormalizer>(), cancellationToken))
        {
            Log.DemoSeeded(logger);
        }

        await FirstAdministrator.EnsureAsync(services, db, logger, cancellationToken);
    }

    private static InvalidOperationException DemoInProduction() => new(
        "Demo:Enabled is true in the Production environment. The demo users sign in with published passwords " +
        "(admin / demo-admin among them): a production CRM must not have them. Leave Demo:Enabled out (or Demo__Enabled=false); " +
        "for a demo, start in another environment, as ./run.sh and 'dotnet run' with the launch profile do (Development).");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "The CRM database is up to date")]
        public static partial void Migrated(ILogger logger);

        [LoggerMessage(2, LogLevel.Information, "Created the demo users, contacts and accounts")]
        public static partial void DemoSeeded(ILogger logger);
    }
}
