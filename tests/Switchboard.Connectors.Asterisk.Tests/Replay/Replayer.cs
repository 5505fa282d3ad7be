using Switchboard.Connectors.Asterisk.Tests.Ami;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>Streams a recording to the connector piece by piece, and checks the actions the system sends between the pieces.</summary>
internal sealed class Replayer(RecordedScenario scenario, FakeAmiServer ami, FakeAmiSession session)
{
    private int _position = scenario.AfterLogin;

    /// <summary>Streams Asterisk's bytes up to the moment an action was sent in the recording.</summary>
    public Task StreamToAsync(RecordedAction action) => StreamToAsync(action.Rx);

    public async Task StreamToAsync(int rx)
    {
        if (rx > _position)
        {
            await session.SendAsync(scenario.Slice(_position, rx));
            _position = rx;
        }
    }

    public Task StreamToEndAsync() => StreamToAsync(scenario.Bytes.Length);

    /// <summary>
    /// Runs a command of the system (a hub call) and checks that it sends the recorded actions in order,
    /// byte for byte but for the ActionID, answering each as Asterisk did, then lets the command finish.
    /// </summary>
    public async Task ExpectAsync(Func<Task> command, params RecordedAction[] expected)
    {
        var before = expected.Select(e => e.Name).Distinct()
            .ToDictionary(name => name, name => ami.ReceivedActions.Count(a => a.Name == name));
        var running = command();
        foreach (var action in expected)
        {
            var sent = await ami.WaitForActionAsync(action.Name, Timeouts.Step, ++before[action.Name]);
            Assert.Equal(RecordedAction.Show(action.Expected), RecordedAction.Show(RecordedAction.WithoutActionId(sent.RawText)));
            await sent.ReplyAsync();
        }

        await running.WaitAsync(Timeouts.Step);
    }

    public Task ExpectAsync(RecordedAction expected, Func<Task> command) => ExpectAsync(command, expected);
}
