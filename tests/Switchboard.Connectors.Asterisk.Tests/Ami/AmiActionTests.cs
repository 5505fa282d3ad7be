using System.Text;
using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Ami.Internal;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

public sealed class AmiActionTests
{
    [Fact]
    public void An_action_is_written_as_Action_ActionID_then_its_fields_in_order_and_a_blank_line()
    {
        var action = new AmiAction("Originate")
            .Add("Channel", "SIP/101")
            .Add("Variable", "A=1")
            .Add("Variable", "B=2")
            .Add("CallerID", "\"Агент\" <101>");

        var text = Encoding.UTF8.GetString(action.Serialize("sb1-4"));

        Assert.Equal("Action: Originate\r\nActionID: sb1-4\r\nChannel: SIP/101\r\nVariable: A=1\r\nVariable: B=2\r\nCallerID: \"Агент\" <101>\r\n\r\n", text);
    }

    [Theory]
    [InlineData("SIP/101\r\nAction: Hangup")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    public void A_value_with_CR_or_LF_is_refused_so_no_header_can_be_injected(string value) =>
        Assert.Throws<ArgumentException>(() => new AmiAction("Hangup").Add("Channel", value));

    [Theory]
    [InlineData("Chan\r\nnel")]
    [InlineData("Chan:nel")]
    [InlineData("ActionID")]
    [InlineData("action")]
    [InlineData(" ")]
    public void A_key_that_would_break_the_frame_or_take_over_the_ActionID_is_refused(string key) =>
        Assert.Throws<ArgumentException>(() => new AmiAction("Hangup").Add(key, "x"));

    [Theory]
    [InlineData("Ping\r\n")]
    [InlineData("Bad:Name")]
    [InlineData("")]
    public void An_action_name_with_a_line_break_or_a_colon_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new AmiAction(name));

    [Fact]
    public void Printing_an_action_masks_the_secret_and_the_MD5_key()
    {
        var plain = AmiLogin.Plain("cti", "ctisecret").ToString();
        var md5 = AmiLogin.Md5("cti", FakeAmiServer.RecordedChallenge, "ctisecret").ToString();

        Assert.DoesNotContain("ctisecret", plain, StringComparison.Ordinal);
        Assert.Contains("Secret: ***", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("12464eb0622ef6642de5d8d1054e6eeb", md5, StringComparison.Ordinal);
    }

    [Fact]
    public void The_MD5_key_for_the_recorded_challenge_and_secret_is_the_one_Asterisk_accepted()
    {
        // asterisk22-pjsip/11c-login-md5-challenge.md: Challenge 498485419, secret ctisecret, Key sent and accepted.
        var recorded = AmiMessage.Parse(File.ReadAllText(AmiRecordings.PathOf("asterisk22-pjsip/11c-login-md5-challenge.ami")).Split("\r\n\r\n")[0]);
        Assert.Equal(FakeAmiServer.RecordedChallenge, recorded["Challenge"]);

        Assert.Equal("12464eb0622ef6642de5d8d1054e6eeb", AmiLogin.Md5Key(recorded["Challenge"]!, "ctisecret"));
    }

    [Fact]
    public void Options_print_without_the_secret()
    {
        var options = new AmiOptions { Username = "cti", Secret = "s3cr3t-value" };

        Assert.DoesNotContain("s3cr3t-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Username = cti", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_default_to_the_local_AMI_port_and_the_documented_timings()
    {
        var options = new AmiOptions();

        Assert.Equal(("127.0.0.1", 5038, false), (options.Host, options.Port, options.UseMd5Challenge));
        Assert.Equal(TimeSpan.FromSeconds(10), options.ActionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.PingInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.ReconnectMinDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReconnectMaxDelay);
        Assert.Equal(64 * 1024, options.MaxFrameBytes);
    }
}

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void The_ceiling_doubles_from_the_minimum_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

        Assert.Equal(
            [0.5, 1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(0, 8).Select(n => backoff.Ceiling(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Ceiling(10_000));
    }

    [Fact]
    public void Each_delay_is_a_random_fraction_of_the_ceiling_full_jitter()
    {
        var fractions = new Queue<double>([0.0, 0.5, 1.0, 0.25]);
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), fractions.Dequeue);

        Assert.Equal(TimeSpan.Zero, backoff.Delay(0));
        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Delay(2));
        Assert.Equal(TimeSpan.FromSeconds(7.5), backoff.Delay(20));
    }

    [Fact]
    public void Random_delays_stay_between_zero_and_the_ceiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

        for (var attempt = 0; attempt < 200; attempt++)
        {
            var delay = backoff.Delay(attempt % 12);
            Assert.InRange(delay, TimeSpan.Zero, backoff.Ceiling(attempt % 12));
        }
    }
}
