using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Connectors.Asterisk.Mapping.Internal;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

public sealed class LineIdentifierTests
{
    [Theory]
    [InlineData("SIP/101-0000000b", "101")]
    [InlineData("PJSIP/101-00000007", "101")]
    [InlineData("PJSIP/101", "101")]
    [InlineData("IAX2/2001-1234", "2001")]
    [InlineData("SIP/trunk-0000000a", null)]
    [InlineData("PJSIP/carrier-0000000b", null)]
    [InlineData("PJSIP/84951112233-0000000b", null)]
    [InlineData("Local/101@from-internal-00000000;1", null)]
    [InlineData("Local/101@agents-00000001;2", null)]
    [InlineData("CBAnn/850-00000000;2", null)]
    [InlineData("Custom:DND101", null)]
    [InlineData("", null)]
    public void By_default_a_line_is_a_SIP_or_PJSIP_device_with_a_numeric_extension_of_2_to_6_digits(string name, string? line)
    {
        var lines = new LineIdentifier(new AmiMappingOptions());

        Assert.Equal(line, lines.LineOf(name));
    }

    [Fact]
    public void With_known_lines_only_those_are_lines_whatever_their_names()
    {
        var options = new AmiMappingOptions();
        options.KnownLines.AddRange(["101", "agent7"]);
        var lines = new LineIdentifier(options);

        Assert.Equal("101", lines.LineOf("PJSIP/101-00000001"));
        Assert.Equal("agent7", lines.LineOf("PJSIP/agent7-00000002"));
        Assert.Null(lines.LineOf("PJSIP/102-00000003"));
        Assert.True(lines.IsInternalNumber("agent7"));
        Assert.False(lines.IsInternalNumber("102"));
    }

    [Fact]
    public void A_device_pattern_of_ones_own_takes_its_line_group()
    {
        var options = new AmiMappingOptions { DevicePattern = "^PJSIP/ext(?<line>[0-9]+)(?:-[0-9a-f]+)?$" };
        var lines = new LineIdentifier(options);

        Assert.Equal("101", lines.LineOf("PJSIP/ext101-00000001"));
        Assert.Null(lines.LineOf("PJSIP/101-00000001"));
        Assert.Throws<ArgumentException>(() => new LineIdentifier(new AmiMappingOptions { DevicePattern = "^PJSIP/(.+)$" }));
    }

    [Theory]
    [InlineData(16, HangupCause.Normal)]
    [InlineData(0, HangupCause.Normal)]
    [InlineData(17, HangupCause.Busy)]
    [InlineData(19, HangupCause.NoAnswer)]
    [InlineData(18, HangupCause.NoAnswer)]
    [InlineData(26, HangupCause.NoAnswer)]
    [InlineData(21, HangupCause.Rejected)]
    [InlineData(34, HangupCause.Failed)]
    [InlineData(38, HangupCause.Failed)]
    [InlineData(1, HangupCause.Failed)]
    public void Hangup_causes_read_as_the_domains(int code, HangupCause cause)
    {
        Assert.Equal(cause, HangupCauses.FromCode(code));
    }

    [Theory]
    [InlineData("BUSY", HangupCause.Busy)]
    [InlineData("NOANSWER", HangupCause.NoAnswer)]
    [InlineData("CONGESTION", HangupCause.Failed)]
    [InlineData("CHANUNAVAIL", HangupCause.Failed)]
    [InlineData("CANCEL", null)]
    [InlineData("ANSWER", null)]
    public void Dial_statuses_read_as_the_domains(string status, HangupCause? cause)
    {
        Assert.Equal(cause, HangupCauses.FromDialStatus(status));
    }
}
