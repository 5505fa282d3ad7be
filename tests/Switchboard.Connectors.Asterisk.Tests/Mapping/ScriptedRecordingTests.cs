using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>MixMonitor started in the dialplan, on the caller's channel, before the agent's phone rings.</summary>
public sealed class ScriptedRecordingTests
{
    private const string File = "/var/spool/asterisk/monitor/in-20261208.wav";

    [Fact]
    public void A_caller_recorded_before_the_agent_is_rung_makes_the_agents_call_recorded_from_its_start()
    {
        var script = new AmiScript();
        var trunk = script.Trunk();
        var agent = script.Phone("101", trunk);
        script.Newchannel(trunk, 4).Newexten(trunk, "101", "MixMonitor", "in-20261208.wav")
            .Event("VarSet", trunk, ("Variable", "MIXMONITOR_FILENAME"), ("Value", File))
            .Event("MixMonitorStart", trunk)
            .Newexten(trunk, "101", "Dial", "PJSIP/101,15,tT").Newchannel(agent)
            .DialBegin(trunk, agent, "PJSIP/101").Answer(trunk, agent).Newstate(trunk, 6).Bridge("first", agent, trunk)
            .HangupRequest(trunk).Event("MixMonitorStop", trunk)
            .BridgeLeave(trunk, "first").BridgeLeave(agent, "first").Hangup(trunk).Hangup(agent);

        var run = ScenarioRun.Play(script);

        var call = run.OnlyCallOn("101");
        Assert.Equal(File, call.RecordingFile);
        Assert.False(call.Recording);
        var facts = run.Facts.OfType<CallRecordingChanged>().ToList();
        Assert.Equal([new CallRecordingChanged(call.Key, true, File), new CallRecordingChanged(call.Key, false, File)], facts);
        var appeared = run.Facts.FindIndex(f => f is CallAppeared);
        Assert.Equal(appeared + 1, run.Facts.IndexOf(facts[0]));
    }
}
