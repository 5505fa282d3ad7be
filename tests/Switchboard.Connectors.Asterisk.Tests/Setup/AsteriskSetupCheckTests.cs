using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Connectors.Asterisk.Setup;
using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Testing;
using CapturingLoggerProvider = Switchboard.Connectors.Asterisk.Tests.Ami.CapturingLoggerProvider;

namespace Switchboard.Connectors.Asterisk.Tests.Setup;

/// <summary>
/// What a new Asterisk commonly lacks, found at connection through AMI and said once with its fix. The CLI
/// answers below are a live Asterisk 22.10.1's (refpbx), with its feature codes taken out where a test needs.
/// </summary>
public sealed class AsteriskSetupCheckTests
{
    private static readonly string[] FeaturesWithoutAtxfer =
    [
        "Builtin Feature           Default Current",
        "---------------           ------- -------",
        "Pickup                    *8      *8     ",
        "Blind Transfer            #       #1     ",
        "Attended Transfer                        ",
        "Disconnect Call           *       *      ",
        "Park Call                                ",
        "One Touch MixMonitor                     ",
        "",
        "Dynamic Feature           Default Current",
    ];

    [Fact]
    public void The_features_table_is_read_by_column_so_a_blank_code_is_told_from_a_missing_row()
    {
        string[] configured = [FeaturesWithoutAtxfer[0], FeaturesWithoutAtxfer[1], "Attended Transfer                 *2     "];

        Assert.Equal("*2", CliOutput.CurrentFeatureCode(configured, "Attended Transfer"));
        Assert.Equal("", CliOutput.CurrentFeatureCode(FeaturesWithoutAtxfer, "Attended Transfer"));
        Assert.Equal("#1", CliOutput.CurrentFeatureCode(FeaturesWithoutAtxfer, "Blind Transfer"));
        Assert.Null(CliOutput.CurrentFeatureCode(["No such command 'features show'"], "Attended Transfer"));
    }

    [Fact]
    public async Task Each_missing_piece_is_said_once_with_its_fix_across_reconnections()
    {
        await using var ami = new FakeAmiServer();
        ami.On("Command", request => request["Command"] switch
        {
            "features show" => Output(request, "Success", FeaturesWithoutAtxfer),
            "dialplan show 801@from-internal" => Output(request, "Error", "There is no existence of 801@from-internal extension",
                "Command 'dialplan show 801@from-internal' failed."),
            _ => Output(request, "Success", "[ Context 'from-internal' created by 'pbx_config' ]", "-= 1 extension (3 priorities) in 1 context. =-"),
        });
        await using var connection = new AmiConnection(ami.ClientOptions());
        await connection.ConnectAsync().WaitAsync(Timeouts.Step);
        using var logs = new CapturingLoggerProvider();
        var check = new AsteriskSetupCheck(connection, new AsteriskOptions { Queues = { "sales" } }, logs.CreateLogger("Asterisk"));
        var queues = new QueueResync(
            [],
            [new QueueMembership("support", "101"), new QueueMembership("other", "102")],
            ["support", "other"]);

        await check.RunAsync(queues, CancellationToken.None);
        await check.RunAsync(queues, CancellationToken.None);

        var warnings = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("atxfer = *2", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("extension 801 in context from-internal", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("no queue sales", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("Line 101 is a static member of queue support", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Atxfer", "No attended transfer feature code found", "atxfer = *2")]
    [InlineData("CancelAtxfer", "No disconnect feature code found", "atxferabort")]
    [InlineData("QueueRemove", "Member not dynamic", "static member")]
    [InlineData("Hangup", "No such channel", "Asterisk refused Hangup: No such channel.")]
    public void A_refusal_that_means_missing_configuration_says_the_fix(string action, string message, string expected)
    {
        Assert.Contains(expected, AsteriskRefusals.Explain(action, message), StringComparison.Ordinal);
    }

    private static Task Output(FakeAmiRequest request, string response, params string[] lines) =>
        request.ReplyAsync(response, "Message: Command output follows\r\n" + string.Concat(lines.Select(l => $"Output: {l}\r\n")));
}
