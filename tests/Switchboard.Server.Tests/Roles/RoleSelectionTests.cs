using Microsoft.Extensions.Options;

namespace Switchboard.Server.Tests.Roles;

public class RoleSelectionTests
{
    [Fact]
    public async Task An_unknown_role_stops_the_start_with_the_allowed_values()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SwitchboardApp.CreateAsync(["--role", "pbx"]));

        Assert.Contains("'pbx'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'all'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'crm'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'messaging'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_messaging_role_without_the_CRM_settings_stops_the_start_naming_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        await using var app = await SwitchboardApp.CreateAsync(
            ["--role", "messaging", "--urls=http://127.0.0.1:0", $"--Messaging:OutboxPath={folder}", "--Logging:LogLevel:Default=None"]);
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Crm:Url", error.Message, StringComparison.Ordinal);
            Assert.Contains("Crm:ServiceLogin", error.Message, StringComparison.Ordinal);
            Assert.Contains("Crm__ServicePassword", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
