using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Connectors.Asterisk.Tests.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Replay;

/// <summary>
/// One recording with the actions its notes say were sent, and where in the stream: the replay
/// streams Asterisk's bytes up to an action, lets the system send its own, then goes on.
/// </summary>
internal sealed partial class RecordedScenario
{
    private RecordedScenario(string name, byte[] bytes, int afterLogin, IReadOnlyList<RecordedAction> actions)
    {
        Name = name;
        Bytes = bytes;
        AfterLogin = afterLogin;
        Actions = actions;
    }

    public string Name { get; }

    public byte[] Bytes { get; }

    /// <summary>Offset of the first byte after the banner and the Login response.</summary>
    public int AfterLogin { get; }

    /// <summary>The actions sent during the recording, apart from Login and Logoff.</summary>
    public IReadOnlyList<RecordedAction> Actions { get; }

    public static RecordedScenario Load(string name)
    {
        var bytes = AmiRecordings.Read(name);
        var (_, afterLogin) = AmiRecordings.SplitAtLogin(bytes);
        var notes = File.ReadAllText(Path.ChangeExtension(AmiRecordings.PathOf(name), ".md"));
        var actions = SentAction().Matches(notes)
            .Select(m => new RecordedAction(
                int.Parse(m.Groups["rx"].Value, System.Globalization.CultureInfo.InvariantCulture),
                string.Join("\r\n", m.Groups["text"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)) + "\r\n\r\n"))
            .Where(a => a.Name is not ("Login" or "Logoff"))
            .ToList();
        return new RecordedScenario(name, bytes, bytes.Length - afterLogin.Length, actions);
    }

    public RecordedAction Action(string name, int occurrence = 1) =>
        Actions.Where(a => a.Name == name).Skip(occurrence - 1).First();

    public ReadOnlyMemory<byte> Slice(int from, int to) => Bytes.AsMemory(from, to - from);

    [GeneratedRegex(@"rx=(?<rx>\d+) SENT action:\s*\n\s*```\s*\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SentAction();
}

/// <summary>An action as the recording's notes give it, and the stream offset when it was sent.</summary>
internal sealed record RecordedAction(int Rx, string Text)
{
    public string Name => Text.Split("\r\n")[0]["Action: ".Length..];

    /// <summary>The action's text without its ActionID line, which differs from run to run.</summary>
    public static string WithoutActionId(string text) =>
        string.Join("\r\n", text.Split("\r\n").Where(l => !l.StartsWith("ActionID:", StringComparison.OrdinalIgnoreCase)));

    public string Expected => WithoutActionId(Text);

    public static string Show(string text) => text.Replace("\r\n", "⏎\n", StringComparison.Ordinal);

    public static string Utf8(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
