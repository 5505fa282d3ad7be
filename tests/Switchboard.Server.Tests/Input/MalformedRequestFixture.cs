using Switchboard.Testing;

namespace Switchboard.Server.Tests.Input;

/// <summary>
/// The server in each of its roles, in this process, with their logs captured: everything in one
/// process in the Development environment, as <c>./run.sh</c> starts it, and the CRM and the
/// Messaging Service apart (the Messaging Service signing in to that CRM).
/// </summary>
public sealed class MalformedRequestFixture : IAsyncLifetime
{
    public SwitchboardHost All { get; private set; } = null!;

    public SwitchboardHost Crm { get; private set; } = null!;

    public SwitchboardHost Messaging { get; private set; } = null!;

    public IEnumerable<SwitchboardHost> Hosts => [All, Crm, Messaging];

    public async Task InitializeAsync()
    {
        All = await SwitchboardHost.StartAsync("--environment=Development", "--Demo:Enabled=true");
        Crm = await SwitchboardHost.StartAsync("--role=crm", "--Demo:Enabled=true");
        Messaging = await SwitchboardHost.StartAsync(
            "--role=messaging",
            $"--Crm:Url={Crm.BaseAddress.ToString().TrimEnd('/')}",
            "--Crm:ServiceLogin=admin",
            $"--Crm:ServicePassword={Demo.PasswordOf("admin")}");
    }

    public SwitchboardHost Role(string role) => role switch
    {
        "all" => All,
        "crm" => Crm,
        "messaging" => Messaging,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "all, crm or messaging"),
    };

    /// <summary>An administrator's token for <paramref name="role"/>: from its own CRM, or for the Messaging Service from the CRM it trusts.</summary>
    public Task<string> AdministratorTokenAsync(string role) =>
        (role == "messaging" ? Crm : Role(role)).LoginAsync("admin", Demo.PasswordOf("admin"));

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { Messaging, Crm, All })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
