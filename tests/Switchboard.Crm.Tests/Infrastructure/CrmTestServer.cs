using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Crm.Auth;
using Switchboard.Crm.Demo;

namespace Switchboard.Crm.Tests.Infrastructure;

/// <summary>
/// A real ASP.NET Core app with the CRM, on Kestrel at 127.0.0.1 and a port the system picks, on a
/// new database of its own with the demo data; with settings, a clock and services of the test's
/// choosing, and clients that can connect from another loopback address (127.0.0.2...), so that
/// the server sees distinct client addresses.
/// </summary>
internal sealed class CrmTestServer : IAsyncDisposable
{
    public const string HubProbePath = "/hubs/probe";
    public const string SupervisorsOnlyPath = "/test/supervisors-only";

    private readonly TempFolder _folder;
    private readonly TestDatabase _database;
    private readonly WebApplication _app;

    private CrmTestServer(TempFolder folder, TestDatabase database, WebApplication app, Uri address)
    {
        _folder = folder;
        _database = database;
        _app = app;
        Address = address;
    }

    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<CrmTestServer> StartAsync(
        CrmTestDatabase engine,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var folder = new TempFolder();
        var database = await engine.CreateAsync(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(CrmTestHost.Settings(folder, database, demo: true));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddCrm(builder.Configuration).AddCrmAuthentication(builder.Configuration);

        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCrmEndpoints();

        // Stand-ins for the hub and for a supervisors' endpoint of other components.
        app.MapGet(HubProbePath, (ClaimsPrincipal user) => user.Identity?.Name).RequireAuthorization();
        app.MapGet(SupervisorsOnlyPath, () => Results.Ok()).RequireAuthorization(p => p.RequireRole("Supervisor"));

        await CrmDatabase.MigrateAndSeedAsync(app.Services, Timeouts.Token()).WithTimeout();
        await app.StartAsync(Timeouts.Token()).WithTimeout();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new CrmTestServer(folder, database, app, new Uri(address));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client, with a bearer token when given one, connecting from <paramref name="from"/> (127.0.0.1 unless said).</summary>
    public HttpClient CreateClient(string? token = null, IPAddress? from = null, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
        };
        if (from is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(from, context.DnsEndPoint, cancellationToken);
        }

        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = Timeouts.Step };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<HttpStatusCode> TryLoginAsync(string login, string password, IPAddress? from = null)
    {
        using var client = CreateClient(from: from);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { login, password }, Timeouts.Token()).WithTimeout();
        return response.StatusCode;
    }

    public async Task<string> LoginAsync(string login, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { login, password }, Timeouts.Token()).WithTimeout();
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Timeouts.Token()).WithTimeout();
        return body!["token"]!.GetValue<string>();
    }

    /// <summary>A client signed in as the demo user <paramref name="login"/>.</summary>
    public async Task<HttpClient> SignInAsync(string login) =>
        CreateClient(await LoginAsync(login, DemoData.Users.Single(u => u.Login == login).Password));

    /// <summary>A client signed in as a user the test made.</summary>
    public async Task<HttpClient> SignInAsync(string login, string password) => CreateClient(await LoginAsync(login, password));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(Timeouts.Token()).WithTimeout();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Parse(to.Host), to.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
