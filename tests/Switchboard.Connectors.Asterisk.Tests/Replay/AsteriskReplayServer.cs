using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// The whole Switchboard host with the Asterisk connector, talking over real TCP to a fake AMI
/// server that plays a recording: a real Asterisk's bytes, in its order.
/// </summary>
internal sealed class AsteriskReplayServer(FakeAmiServer ami, string technology, params string[] settings) : ServerFixture
{
    public FakeAmiServer Ami { get; } = ami;

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--Pbx:Connector=Asterisk",
        "--Asterisk:Host=127.0.0.1",
        $"--Asterisk:Port={Ami.Port}",
        $"--Asterisk:Username={Ami.Username}",
        $"--Asterisk:Secret={Ami.Secret}",
        $"--Asterisk:Technology={technology}",
        "--Asterisk:PingInterval=01:00:00",
        .. settings,
    ];

    /// <summary>A fake Asterisk that answers CoreShowChannels with no calls, and a host connected to it.</summary>
    public static Task<(AsteriskReplayServer Server, FakeAmiSession Session)> StartAsync(
        FakeAmiServer ami, string technology, params string[] settings) =>
        StartWithChannelsAsync(ami, technology, [], settings);

    /// <summary>
    /// A fake Asterisk whose CoreShowChannels lists <paramref name="channels"/> (CoreShowChannel frames without
    /// their ActionID line), and a host connected to it: the server starts while those calls are in progress.
    /// </summary>
    public static async Task<(AsteriskReplayServer Server, FakeAmiSession Session)> StartWithChannelsAsync(
        FakeAmiServer ami, string technology, IReadOnlyList<string> channels, params string[] settings)
    {
        ami.On("CoreShowChannels", async request =>
        {
            await request.ReplyAsync("Success", "EventList: start\r\nMessage: Channels will follow\r\n");
            foreach (var channel in channels)
            {
                var afterEventLine = channel.IndexOf("\r\n", StringComparison.Ordinal) + 2;
                await request.Session.SendAsync(channel.Insert(afterEventLine, $"ActionID: {request.ActionId}\r\n"));
            }

            await request.Session.SendAsync(
                $"Event: CoreShowChannelsComplete\r\nActionID: {request.ActionId}\r\nEventList: Complete\r\nListItems: {channels.Count}\r\n\r\n");
        });
        var server = new AsteriskReplayServer(ami, technology, settings);
        await server.InitializeAsync();
        var session = await ami.WaitForLoginAsync(Timeouts.Step);
        await ami.WaitForActionAsync("CoreShowChannels", Timeouts.Step);
        return (server, session);
    }
}
