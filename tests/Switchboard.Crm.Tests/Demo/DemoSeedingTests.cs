using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Demo;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Demo;

/// <summary>The demo data, on each database engine.</summary>
public abstract class DemoSeedingTests(CrmTestDatabase engine)
{
    protected CrmTestDatabase Engine { get; } = engine;

    [Fact]
    public async Task Demo_data_is_created_on_the_first_run_only()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: true);
        await using (var db = host.CreateDbContext())
        {
            var agent1 = await db.Users.SingleAsync(u => u.Login == "agent1", Timeouts.Token()).WithTimeout();
            db.Users.Remove(agent1);
            await db.SaveChangesAsync(Timeouts.Token()).WithTimeout();
        }

        // A restart: the database has users, so nothing is added back or doubled.
        await CrmDatabase.MigrateAndSeedAsync(host.Services, Timeouts.Token()).WithTimeout();

        await using var check = host.CreateDbContext();
        Assert.Equal(DemoData.Users.Count - 1, await check.Users.CountAsync(Timeouts.Token()).WithTimeout());
        Assert.Equal(DemoData.Contacts.Count, await check.Contacts.CountAsync(Timeouts.Token()).WithTimeout());
        Assert.Equal(DemoData.Accounts.Count, await check.Accounts.CountAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task Without_the_demo_setting_the_database_starts_empty()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: false);

        await using var db = host.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(Timeouts.Token()).WithTimeout());
        Assert.False(await db.Contacts.AnyAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task Demo_users_own_the_documented_lines()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: true);

        await using var db = host.CreateDbContext();
        var lines = await db.Lines.Include(l => l.User).ToDictionaryAsync(l => l.Number, l => l.User!.Login, Timeouts.Token()).WithTimeout();
        Assert.Equal(new Dictionary<string, string> { ["101"] = "agent1", ["102"] = "agent2", ["103"] = "supervisor" }, lines);
        var anna = await db.Users.SingleAsync(u => u.Login == "agent1", Timeouts.Token()).WithTimeout();
        Assert.Equal("Anna Petrova", anna.DisplayName);
    }

    [Fact]
    public async Task Passwords_are_stored_as_salted_hashes_only()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: true);

        await using var db = host.CreateDbContext();
        var users = await db.Users.ToListAsync(Timeouts.Token()).WithTimeout();
        var hashes = users.Select(u => u.PasswordHash).ToList();
        foreach (var demo in DemoData.Users)
        {
            var user = users.Single(u => u.Login == demo.Login);
            Assert.DoesNotContain(demo.Password, user.PasswordHash, StringComparison.Ordinal);
            Assert.NotEqual(PasswordVerificationResult.Failed, UserPasswords.Verify(user, demo.Password));
            Assert.Equal(PasswordVerificationResult.Failed, UserPasswords.Verify(user, demo.Password + "x"));
        }

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }
}

public sealed class SqliteDemoSeedingTests() : DemoSeedingTests(SqliteTestDatabase.Instance)
{
    [Fact]
    public async Task The_database_file_does_not_contain_any_password()
    {
        await using var host = await CrmTestHost.StartAsync(Engine, demo: true);
        await using (var db = host.CreateDbContext())
        {
            // Fold the write-ahead log into the file, so the file holds everything written.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", Timeouts.Token()).WithTimeout();
        }

        var bytes = await File.ReadAllBytesAsync(Path.Combine(host.Folder, SqliteTestDatabase.FileName), Timeouts.Token()).WithTimeout();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("agent1", text, StringComparison.Ordinal);
        Assert.All(DemoData.Users, u => Assert.DoesNotContain(u.Password, text, StringComparison.Ordinal));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresDemoSeedingTests(PostgresCluster cluster) : DemoSeedingTests(cluster);
