using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Roles;

/// <summary>
/// The CRM (<c>--role crm</c>, SQLite file, demo data) and the Messaging Service (<c>--role messaging</c>,
/// simulator, outbox) as two real processes on their own loopback ports and working folders. The
/// Messaging Service signs in to the CRM as the demo administrator, whose password it gets from
/// the environment. They share no signing key: the Messaging Service asks the CRM about tokens.
/// </summary>
public sealed class SeparateRolesFixture : IAsyncLifetime
{
    private const string ServiceLogin = "admin";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", "roles-" + Guid.NewGuid().ToString("N"));
    private Task<string>? _administratorToken;

    public ServerProcess Crm { get; private set; } = null!;

    public ServerProcess Messaging { get; private set; } = null!;

    /// <summary>The Messaging Service's simulator endpoints, played with the demo administrator's token from the CRM.</summary>
    public SimulatorDriver Simulator => new(Messaging.Http, () => _administratorToken ??= LoginAsync(Demo.Administrator));

    public async Task InitializeAsync()
    {
        var crmFolder = Path.Combine(_folder, "crm");
        var messagingFolder = Path.Combine(_folder, "messaging");
        var crmPort = ServerProcess.FreePort();
        Crm = new ServerProcess(
            "crm",
            crmFolder,
            crmPort,
            [
                "--role", "crm",
                $"--ConnectionStrings:Crm=Data Source={Path.Combine(crmFolder, "switchboard.db")}",
                "--Demo:Enabled=true",
                "--Logging:LogLevel:Default=Warning",
            ],
            new Dictionary<string, string>());
        Messaging = new ServerProcess(
            "messaging",
            messagingFolder,
            ServerProcess.FreePort(),
            [
                "--role", "messaging",
                $"--Crm:Url=http://127.0.0.1:{crmPort}",
                $"--Crm:ServiceLogin={ServiceLogin}",
                $"--Messaging:OutboxPath={Path.Combine(messagingFolder, "outbox")}",
                "--Messaging:OutboxMaxRetryDelay=00:00:01",
                "--Simulator:NoAnswerTimeout=00:01:00",
                "--Logging:LogLevel:Default=Warning",
            ],
            new Dictionary<string, string> { ["Crm__ServicePassword"] = Demo.PasswordOf(ServiceLogin) });

        await Crm.StartAsync();
        await Messaging.StartAsync();
    }

    /// <summary>
    /// The simulator with a token of its own that the Messaging Service has just had the CRM vouch
    /// for. The Messaging Service remembers that answer for <c>Crm:UserCacheTime</c> (30 s) and
    /// cannot ask again while the CRM is down: for that long, this one plays the outside world
    /// through an outage of the CRM.
    /// </summary>
    public async Task<SimulatorDriver> SimulatorVouchedForAsync()
    {
        var token = await LoginAsync(Demo.Administrator);
        var simulator = new SimulatorDriver(Messaging.Http, () => Task.FromResult(token));
        await simulator.CallsAsync();
        return simulator;
    }

    /// <summary>A token from the CRM process.</summary>
    public async Task<string> LoginAsync(string login)
    {
        using var response = await Crm.Http.PostAsJsonAsync("/api/auth/login", new { login, password = Demo.PasswordOf(login) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A real SignalR client on the Messaging process, signed in with a token from the CRM process.</summary>
    public async Task<AgentSession> ConnectAsync(string login)
    {
        var session = new AgentSession(Messaging.BaseAddress, await LoginAsync(login));
        await session.StartAsync();
        return session;
    }

    /// <summary>What both processes said last, for a failing test's message.</summary>
    public string Output => Crm.Output + Environment.NewLine + Messaging.Output;

    public async Task DisposeAsync()
    {
        await Messaging.DisposeAsync();
        await Crm.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaning; the test has its result.
        }
    }
}
