using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>Which wrap-up time an AgentComplete gives: app_queue's get_wrapuptime() order, member first.</summary>
public sealed class QueueWrapUpTests
{
    [Theory]
    [InlineData(0, 10, 0, 10)]
    [InlineData(25, 10, 0, 25)]
    [InlineData(0, 0, 15, 15)]
    [InlineData(0, 10, 15, 10)]
    [InlineData(0, 0, 0, 0)]
    public void The_members_own_wrapuptime_goes_first_then_the_configured_then_the_learned_queue_time(
        int memberSeconds, int configuredSeconds, int learnedSeconds, int expectedSeconds)
    {
        var options = new AmiMappingOptions();
        if (configuredSeconds > 0)
        {
            options.QueueWrapUp["support"] = configuredSeconds;
        }

        var mapper = new AmiCallMapper(options);
        mapper.LearnQueueWrapUp("support", learnedSeconds);
        var script = new AmiScript()
            .Raw("QueueMemberStatus", ("Queue", "support"), ("Interface", "PJSIP/101"), ("StateInterface", "PJSIP/101"),
                ("Paused", "0"), ("Wrapuptime", memberSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Raw("AgentComplete", ("Queue", "support"), ("Interface", "PJSIP/101"), ("Reason", "caller"));

        var facts = script.Frames.SelectMany(mapper.Map).OfType<WrapUpReported>().ToList();

        if (expectedSeconds == 0)
        {
            Assert.Empty(facts);
        }
        else
        {
            Assert.Equal([new WrapUpReported("101", TimeSpan.FromSeconds(expectedSeconds))], facts);
        }
    }
}
