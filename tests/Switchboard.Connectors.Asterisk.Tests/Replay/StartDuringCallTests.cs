using System.Text;
using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// The server (re)starts while Asterisk has calls in progress: the first CoreShowChannels after the
/// login tells of them, and agents find them in their snapshot, as before the restart.
/// </summary>
public class StartDuringCallTests
{
    [Theory]
    [InlineData("11-housekeeping.ami", "SIP")]
    [InlineData("asterisk22-pjsip/11-housekeeping.ami", "PJSIP")]
    public async Task A_server_that_starts_during_a_call_takes_it_up_and_the_agent_finds_it_in_the_snapshot(string recording, string technology)
    {
        await using var ami = new FakeAmiServer();
        var (server, _) = await AsteriskReplayServer.StartWithChannelsAsync(ami, technology, RecordedChannelList(recording));
        await using var _ = server.AsAsyncDisposable();

        await using var agent = await server.ConnectAsync(Demo.AgentA, Demo.PasswordOf(Demo.AgentA));

        var snapshot = await agent.WaitForAsync<ActiveCallSnapshotEvent>(CtiEvents.ActiveCallSnapshot, s => s.Calls.Count > 0);
        var call = Assert.Single(snapshot.Calls);
        Assert.Equal(
            (Demo.LineA, CallState.Connected, CallDirection.Incoming, Demo.KnownCaller),
            (call.Line, call.State, call.Direction, call.CallerNumber));
    }

    /// <summary>The CoreShowChannel frames of the recording's first CoreShowChannels answer, without their ActionID.</summary>
    private static List<string> RecordedChannelList(string recording)
    {
        var frames = Encoding.UTF8.GetString(AmiRecordings.Read(recording)).Split("\r\n\r\n");
        return [.. frames
            .Where(f => f.StartsWith("Event: CoreShowChannel\r\n", StringComparison.Ordinal))
            .Select(f => f.Split("\r\n"))
            .GroupBy(lines => lines.First(l => l.StartsWith("ActionID: ", StringComparison.Ordinal)))
            .First()
            .Select(lines => string.Join("\r\n", lines.Where(l => !l.StartsWith("ActionID: ", StringComparison.Ordinal))) + "\r\n\r\n")];
    }
}
