using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Production;

/// <summary>
/// A start in the Production environment never has the demo data, whose passwords are published:
/// with Demo:Enabled it is refused, and its first administrator comes from Setup__AdminPassword in
/// the environment. Real server processes where the environment matters, in-process hosts otherwise.
/// </summary>
public sealed class ProductionStartTests : IAsyncLifetime
{
    private const string AdminPassword = "first-admin-password-from-the-environment";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", "production-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("all")]
    [InlineData("crm")]
    public async Task A_production_start_with_the_demo_data_on_is_refused_before_the_database_is_made(string role)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SwitchboardApp.CreateAsync(["--environment=Production", $"--role={role}", "--Demo:Enabled=true", .. SwitchboardHost.FolderArguments(_folder)]));

        Assert.Contains("Demo:Enabled", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "switchboard.db")));
    }

    [Fact]
    public async Task A_production_start_with_no_users_and_no_administrator_password_is_refused_saying_how_to_give_one()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SwitchboardApp.CreateAsync(["--environment=Production", "--role=crm", .. SwitchboardHost.FolderArguments(_folder)]));

        Assert.Contains("Setup__AdminPassword", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_creates_the_first_administrator_from_the_environment_and_no_demo_user()
    {
        var folder = Path.Combine(_folder, "crm");
        await using var crm = new ServerProcess(
            "crm", folder, ServerProcess.FreePort(), ["--environment=Production", "--role=crm"],
            new Dictionary<string, string> { ["Setup__AdminPassword"] = AdminPassword });
        await crm.StartAsync();

        Assert.Equal(HttpStatusCode.OK, await LoginAsync(crm, "admin", AdminPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(crm, "admin", Demo.PasswordOf("admin")));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(crm, Demo.AgentA, Demo.PasswordOf(Demo.AgentA)));
        Assert.Contains("Created the first administrator, admin", crm.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminPassword, crm.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_there_are_users_the_administrator_password_of_the_environment_changes_nothing()
    {
        var folder = Path.Combine(_folder, "crm");
        await using (var first = new ServerProcess(
            "crm", folder, ServerProcess.FreePort(), ["--environment=Production", "--role=crm"],
            new Dictionary<string, string> { ["Setup__AdminPassword"] = AdminPassword }))
        {
            await first.StartAsync();
        }

        await using var again = new ServerProcess(
            "crm", folder, ServerProcess.FreePort(), ["--environment=Production", "--role=crm"],
            new Dictionary<string, string> { ["Setup__AdminPassword"] = "another-password-given-later" });
        await again.StartAsync();

        Assert.Equal(HttpStatusCode.OK, await LoginAsync(again, "admin", AdminPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(again, "admin", "another-password-given-later"));
    }

    [Fact]
    public async Task A_start_in_another_environment_with_no_users_warns_how_to_create_the_first_administrator()
    {
        await using var server = await SwitchboardHost.StartAsync("--role=crm");

        var warning = Assert.Single(server.Logs.AtLeast(LogLevel.Warning), e => e.Message.Contains("no users", StringComparison.Ordinal));
        Assert.Contains("Setup__AdminPassword", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_password_too_short_to_be_one_stops_the_start_without_showing_it()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SwitchboardApp.CreateAsync(["--environment=Production", "--role=crm", "--Setup:AdminPassword=x7Q!", .. SwitchboardHost.FolderArguments(_folder)]));

        Assert.Contains("AdminPassword", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("x7Q!", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> LoginAsync(ServerProcess server, string login, string password)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/auth/login", new { login, password });
        return response.StatusCode;
    }
}
