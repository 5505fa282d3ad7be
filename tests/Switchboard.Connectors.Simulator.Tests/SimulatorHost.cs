using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Simulator.Tests;

/// <summary>A web host on a loopback port with the simulator registered and its endpoints mapped, as the real host does.</summary>
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
        var app = builder.Build();
        app.MapSimulatorEndpoints();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
        var sim = await SimulatorHarness.AttachAsync(
            app.Services.GetRequiredService<SimulatedPbx>(),
            time,
            app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value);
        return new SimulatorHost(app, client, sim);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
