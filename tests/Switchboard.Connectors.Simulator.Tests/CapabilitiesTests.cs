using Switchboard.Telephony.Calls;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class CapabilitiesTests
{
    [Fact]
    public async Task Simulator_offers_every_call_operation_but_video_and_every_agent_feature()
    {
        await using var sim = await StartAsync();

        var capabilities = sim.Pbx.Capabilities;

        foreach (var operation in Enum.GetValues<CallOperations>().Where(o => o is not (CallOperations.None or CallOperations.Video)))
        {
            Assert.True(capabilities.CallOperations.HasFlag(operation), $"{operation} is missing");
        }

        Assert.False(capabilities.CallOperations.HasFlag(CallOperations.Video));
        Assert.True(capabilities.WrapUp);
        Assert.True(capabilities.CallCentreMode);
        Assert.True(capabilities.Listen);
        Assert.True(capabilities.CallRecording);
        Assert.Equal("Simulator", sim.Pbx.Name);
    }
}
