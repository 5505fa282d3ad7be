using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Simulator.Tests;

/// <summary>
/// A web host on a loopback port with the simulator registered and its endpoints mapped, as the
/// real host does, with requests signed in by <see cref="TestSignIn"/>. <see cref="Client"/> is an
/// administrator's, who may do everything; <see cref="ClientAs"/> makes others.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, HttpClient client, SimulatorHarness sim)
    {
        _app = app;
        Client = client;
        Sim = sim;
    }

    public HttpClient Client { get; }

    public SimulatorHarness Sim { get; }

    public static async Task<SimulatorHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Extensions:0"] = "101",
            ["Simulator:Extensions:1"] = "102",
            ["Simulator:Extensions:2"] = SimulatorHarness.MarkerLine,
        });
        var time = SimulatorHarness.NewClock();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddProblemDetails();
        builder.Services.AddSimulatorConnector(builder.Configuration);
        builder.Services.AddAuthentication(TestSignIn.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestSignIn.Handler>(TestSignIn.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<ISimulatorUsers, TestSignIn.Users>();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSimulatorEndpoints();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = NewClient(new Uri(address), TestSignIn.Header("administrator"));
        var sim = await SimulatorHarness.AttachAsync(
            app.Services.GetRequiredService<SimulatedPbx>(),
            time,
            app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value);
        return new SimulatorHost(app, client, sim);
    }

    /// <summary>A client signed in as <paramref name="signIn"/> (<see cref="TestSignIn.Header"/>), or anonymous for null; the caller disposes it.</summary>
    public HttpClient ClientAs(string? signIn) => NewClient(Client.BaseAddress!, signIn);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static HttpClient NewClient(Uri address, string? signIn)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        if (signIn is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(TestSignIn.SchemeName, signIn);
        }

        return client;
    }
}
