using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Server;

namespace Switchboard.Testing;

/// <summary>
/// The server in any role, in the test's process, on a loopback port the system picks, with every
/// file it keeps in a folder of its own and every log entry captured (<see cref="Logs"/>). Settings
/// are command-line arguments; those the test gives win over the defaults here.
/// </summary>
public sealed class SwitchboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SwitchboardHost(WebApplication app, string folder, CapturingLoggerProvider logs, Uri baseAddress)
    {
        _app = app;
        Folder = folder;
        Logs = logs;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeouts.Step };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The folder that holds the database, keys and outbox, removed on dispose.</summary>
    public string Folder { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The settings of a host whose files all live in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> FolderArguments(string folder) =>
    [
        $"--ConnectionStrings:Crm=Data Source={Path.Combine(folder, "switchboard.db")}",
        $"--Messaging:OutboxPath={Path.Combine(folder, "outbox")}",
        $"--DataProtection:KeysPath={Path.Combine(folder, "keys")}",
        $"--Auth:SigningKeyFile={Path.Combine(folder, "switchboard.signing-key")}",
    ];

    /// <summary>Builds and starts the server; it is ready (database migrated, connector started) when this returns.</summary>
    public static Task<SwitchboardHost> StartAsync(params string[] arguments) => StartAsync(_ => { }, arguments);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="configureServices"/> applied after the server's own services.</summary>
    public static async Task<SwitchboardHost> StartAsync(Action<IServiceCollection> configureServices, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var folder = Path.Combine(Path.GetTempPath(), "switchboard-tests", "host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var logs = new CapturingLoggerProvider();
        WebApplication? app = null;
        try
        {
            app = await SwitchboardApp.CreateAsync(
                ["--urls=http://127.0.0.1:0", "--environment=Testing", "--Logging:LogLevel:Default=Information", .. FolderArguments(folder), .. arguments],
                services =>
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                    configureServices(services);
                });
            await app.StartAsync().WaitAsync(Timeouts.ProcessStart);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var host = new SwitchboardHost(app, folder, logs, new Uri(address));
            await host.WaitUntilHealthyAsync();
            return host;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>A token for <paramref name="login"/> from this host's CRM.</summary>
    public async Task<string> LoginAsync(string login, string password)
    {
        using var response = await Http.PostAsJsonAsync("/api/auth/login", new { login, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteFolder(Folder);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(Timeouts.ProcessStart);
        while (true)
        {
            using var response = await Http.GetAsync("/healthz", timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaning; the test has its result.
        }
    }
}
