using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Defaults_apply_when_the_simulator_section_is_absent()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

        Assert.Equal(["101", "102", "103", "104"], options.Extensions);
        var queue = Assert.Single(options.Queues);
        Assert.Equal(("600", "support"), (queue.Number, queue.Name));
        Assert.Equal(TimeSpan.FromSeconds(20), options.NoAnswerTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.QueueRingTimeout);
    }

    [Fact]
    public void Configured_extensions_and_queues_replace_the_defaults()
    {
        using var services = Build(new()
        {
            ["Simulator:Extensions:0"] = "201",
            ["Simulator:Extensions:1"] = "202",
            ["Simulator:Queues:0:Number"] = "700",
            ["Simulator:Queues:0:Name"] = "sales",
            ["Simulator:NoAnswerTimeout"] = "00:00:30",
            ["Simulator:QueueRingTimeout"] = "00:00:05",
        });

        var options = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

        Assert.Equal(["201", "202"], options.Extensions);
        Assert.Equal(("700", "sales"), (Assert.Single(options.Queues).Number, options.Queues[0].Name));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), (options.NoAnswerTimeout, options.QueueRingTimeout));
    }

    [Fact]
    public async Task The_connector_is_the_simulator_singleton()
    {
        // The simulator is only asynchronously disposable, so the container must be too.
        await using var services = Build([]);

        var connector = services.GetRequiredService<IPbxConnector>();

        Assert.Same(services.GetRequiredService<SimulatedPbx>(), connector);
        Assert.Same(connector, services.GetRequiredService<IPbxConnector>());
    }

    [Theory]
    [InlineData("Simulator:Extensions:1", "101", "Simulator:Extensions has 101 twice.")]
    [InlineData("Simulator:Extensions:1", "1O2", "Simulator:Extensions has '1O2', which is not a number.")]
    [InlineData("Simulator:Queues:0:Number", "101", "already an extension or another queue")]
    [InlineData("Simulator:NoAnswerTimeout", "00:00:00", "Simulator:NoAnswerTimeout must be longer than zero.")]
    public void Settings_the_simulator_cannot_run_with_are_refused(string key, string value, string expected)
    {
        using var services = Build(new() { ["Simulator:Extensions:0"] = "101", [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SimulatedPbx>());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSimulatorConnector(configuration).BuildServiceProvider();
    }
}
