using Switchboard.Telephony.Agents;
using Switchboard.Telephony.Connectors;
using static Switchboard.Connectors.Simulator.Tests.SimulatorHarness;

namespace Switchboard.Connectors.Simulator.Tests;

public sealed class AgentTests
{
    [Fact]
    public async Task Agent_status_and_call_centre_mode_are_reported_for_the_line()
    {
        await using var sim = await StartAsync();
        var away = new AgentStatus(AgentState.Away, "lunch");

        await sim.Pbx.SetAgentStatusAsync("101", away, CancellationToken.None);
        await sim.Pbx.SetCallCentreModeAsync("101", true, CancellationToken.None);

        await sim.ExpectAsync(new AgentStatusReported("101", away), new CallCentreModeReported("101", true));
        await sim.ExpectNoMoreFactsAsync();
    }

    [Fact]
    public async Task Agent_commands_on_an_unknown_line_are_refused()
    {
        await using var sim = await StartAsync();

        await Refused.ByPbx(() => sim.Pbx.SetAgentStatusAsync("999", AgentStatus.Available, CancellationToken.None), "Line 999 is not an extension");
        await Refused.ByPbx(() => sim.Pbx.SetCallCentreModeAsync("999", true, CancellationToken.None), "Line 999 is not an extension");
        await sim.ExpectNoMoreFactsAsync();
    }
}
