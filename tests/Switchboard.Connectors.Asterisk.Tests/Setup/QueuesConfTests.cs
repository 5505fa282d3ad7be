using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Setup;

namespace Switchboard.Connectors.Asterisk.Tests.Setup;

/// <summary>Each queue's wrapuptime from GetConfig's answer (manager.c action_getconfig's format).</summary>
public sealed class QueuesConfTests
{
    [Fact]
    public void Each_queue_gets_its_last_wrapuptime_and_templates_and_general_are_no_queues()
    {
        var response = AmiMessage.Parse(
            "Response: Success\r\nActionID: 7\r\n" +
            "Category-000000: general\r\nLine-000000-000000: persistentmembers=yes\r\n" +
            "Category-000001: defaults\r\nIsTemplate-000001: 1\r\nLine-000001-000000: wrapuptime=30\r\n" +
            "Category-000002: support\r\nTemplates-000002: defaults\r\nLine-000002-000000: wrapuptime=30\r\n" +
            "Line-000002-000001: strategy=ringall\r\nLine-000002-000002: wrapuptime = 10\r\nLine-000002-000003: member=PJSIP/102\r\n" +
            "Category-000003: sales\r\nLine-000003-000000: strategy=rrmemory\r\n" +
            "Category-000004: billing\r\nLine-000004-000000: wrapuptime=soon\r\n");

        var times = QueuesConf.WrapUpTimes(response);

        Assert.Equal(
            new Dictionary<string, int> { ["support"] = 10, ["sales"] = 0, ["billing"] = 0 },
            times);
    }

    [Fact]
    public void A_refusal_is_no_answer()
    {
        var response = AmiMessage.Parse("Response: Error\r\nActionID: 7\r\nMessage: Permission denied\r\n");

        Assert.Null(QueuesConf.WrapUpTimes(response));
    }
}
