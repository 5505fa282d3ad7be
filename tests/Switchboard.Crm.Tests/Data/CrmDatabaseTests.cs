using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Data;

public sealed class CrmDatabaseTests
{
    [Fact]
    public async Task Migrating_creates_the_database_file_with_every_migration_applied()
    {
        await using var host = await CrmTestHost.StartAsync(demo: false);

        await using var db = host.CreateDbContext();
        Assert.True(File.Exists(Path.Combine(host.Folder, "crm.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Timeouts.Token()).WithTimeout());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var host = await CrmTestHost.StartAsync(demo: false);

        await using var db = host.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for the model's changes.");
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var host = await CrmTestHost.StartAsync(demo: true);

        await CrmDatabase.MigrateAndSeedAsync(host.Services, Timeouts.Token()).WithTimeout();

        await using var db = host.CreateDbContext();
        Assert.Equal(Crm.Demo.DemoData.Users.Count, await db.Users.CountAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public void A_provider_that_is_not_supported_is_named_in_the_error()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddCrm(configuration).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() =>
            services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext());

        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_connection_string_the_database_is_a_file_in_the_working_folder()
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>();

        CrmDatabaseProvider.Configure(options, new ConfigurationBuilder().Build());

        using var db = new CrmDbContext(options.Options);
        Assert.True(db.Database.IsSqlite());
        Assert.Equal("Data Source=switchboard.db", db.Database.GetConnectionString());
    }
}
