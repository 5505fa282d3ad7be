using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Simulator;
using Switchboard.Contracts;
using Switchboard.Server;

namespace Switchboard.Testing;

/// <summary>
/// The whole Switchboard host on a real loopback port, with a fresh SQLite file, the simulator
/// and the demo data. One per test class.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private WebApplication? _app;
    private SimulatedPbx? _pbx;
    private Task<string>? _administratorToken;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "switchboard.db");

    /// <summary>The server's Recordings:Folder, where the simulator writes its recordings.</summary>
    public string RecordingsFolder => Path.Combine(_folder, "recordings");

    protected virtual TimeSpan NoAnswerTimeout => TimeSpan.FromSeconds(60);

    /// <summary>More settings, as command-line arguments (<c>--Pbx:Connector=Asterisk</c>), for fixtures that need them.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public IServiceProvider Services => _app!.Services;

    /// <summary>The key the server signs tokens with (base64), for tests that forge a token as only the server could.</summary>
    public string SigningKey => _signingKey;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await StartAppAsync("http://127.0.0.1:0");
    }

    /// <summary>
    /// Stops the server and starts it again on the same port with the same database, keys and PBX;
    /// <paramref name="whileStopped"/> plays what happens at the PBX meanwhile.
    /// </summary>
    public async Task RestartAsync(Action<SimulatedPbx>? whileStopped = null)
    {
        await StopAppAsync();
        whileStopped?.Invoke(Pbx);
        await StartAppAsync(BaseAddress.ToString().TrimEnd('/'));
    }

    public virtual async Task DisposeAsync()
    {
        await StopAppAsync();
        Http?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaning; the test has its result.
        }
    }

    private async Task StartAppAsync(string url)
    {
        _app = await SwitchboardApp.CreateAsync(
        [
            $"--urls={url}",
            "--environment=Testing",
            $"--ConnectionStrings:Crm=Data Source={DatabasePath}",
            $"--Messaging:OutboxPath={Path.Combine(_folder, "outbox")}",
            $"--DataProtection:KeysPath={Path.Combine(_folder, "keys")}",
            $"--Recordings:Folder={RecordingsFolder}",
            "--Demo:Enabled=true",
            $"--Auth:SigningKey={_signingKey}",
            "--Logging:LogLevel:Default=Warning",
            .. ExtraArguments,
        ],
        // The PBX is outside the server, as in real life: one simulator outlives restarts of the server.
        services => services.Replace(ServiceDescriptor.Singleton(Pbx)));
        await _app.StartAsync().WaitAsync(Timeouts.Step);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
        Http?.Dispose();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeouts.Step };
        await WaitUntilHealthyAsync();
    }

    private async Task StopAppAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task<string> LoginAsync(string login, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { login, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<LoginResponse>();
        return body!.Token;
    }

    public async Task<AgentSession> ConnectAsync(string login, string password, bool rawMessages = false, HttpTransportType? transport = null)
    {
        var token = await LoginAsync(login, password);
        var session = new AgentSession(BaseAddress, token, rawMessages, transport);
        await session.StartAsync();
        return session;
    }

    /// <summary>A client of the server that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient AuthorizedClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeouts.Step };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The simulator's endpoints, played as the demo administrator (any line or queue, and the PBX link).</summary>
    public SimulatorDriver Simulator => new(Http, () => _administratorToken ??= LoginAsync(Demo.Administrator, Demo.PasswordOf(Demo.Administrator)));

    /// <summary>The simulator the server uses as its PBX; it lives as long as the fixture, across restarts.</summary>
    public SimulatedPbx Pbx => _pbx ??= new SimulatedPbx(
        Options.Create(new SimulatorOptions { NoAnswerTimeout = NoAnswerTimeout, RecordingsFolder = RecordingsFolder }),
        TimeProvider.System);

    /// <summary>An outside caller rings <paramref name="line"/> and the agent answers; returns the simulator's id and the call.</summary>
    public async Task<(string SimId, CallDto Call)> AnsweredInboundAsync(AgentSession agent, string from, string line)
    {
        var simId = await Simulator.CallAsync(from, line);
        var call = await agent.WaitForCallAsync(CtiEvents.CallStarted, c => c.CallerNumber == from && c.Line == line);
        await agent.Model.AnswerCallAsync(call.Id);
        return (simId, await agent.WaitForCallAsync(CtiEvents.CommutationStarted, c => c.Id == call.Id));
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            var response = await Http.GetAsync("/healthz", timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt);
}

/// <summary>A server whose simulator gives up on unanswered calls quickly.</summary>
public sealed class ShortTimeoutServerFixture : ServerFixture
{
    protected override TimeSpan NoAnswerTimeout => TimeSpan.FromSeconds(1);
}
