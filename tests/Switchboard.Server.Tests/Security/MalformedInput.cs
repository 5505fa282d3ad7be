using System.Text;

namespace Switchboard.Server.Tests.Security;

/// <summary>Random and hand-picked bad input for the fuzz tests: bodies and hub frames, reproducible from a seed.</summary>
public sealed class MalformedInput(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Fixed =
    [
        "",
        "{",
        "}",
        "[]",
        "[1,2,3]",
        "null",
        "true",
        "42",
        "\"text\"",
        "{\"login\":",
        "{\"login\":42,\"password\":[]}",
        "{\"lines\":\"101\"}",
        "{\"lines\":[1,{},null]}",
        "{\"comment\":\"\\ud800\"}",
        "{\"login\":\"\\udfff\\ud800\",\"password\":\"x\"}",
        "{\"startedAt\":\"yesterday\",\"state\":\"boiling\",\"direction\":7}",
        "{\"contactId\":\"not-a-guid\",\"accountId\":12}",
        "{\"sessions\":[{\"userId\":\"x\"}]}",
        "{\"sessions\":{}}",
        "{\"teamId\":{\"nested\":true}}",
        "{\"password\":null}",
        "{\"a\":1,\"a\":2}",
        "{'single':'quotes'}",
        "{\"trailing\":1,}",
        "/* comment */ {}",
        new string('[', 100_000) + new string(']', 100_000),
        "{\"a\":" + new string('[', 100_000),
        "{\"comment\":\"" + new string('x', 300_000) + "\"}",
    ];

    /// <summary>The fixed cases first, then random ones, <paramref name="count"/> in all (at least the fixed ones).</summary>
    public IEnumerable<byte[]> Bodies(int count)
    {
        foreach (var text in Fixed)
        {
            yield return Encoding.UTF8.GetBytes(text);
        }

        yield return [0xC3, 0x28, 0x7B, 0x7D];                  // invalid UTF-8 before an object
        yield return [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]; // invalid UTF-8 inside a string
        yield return [0xEF, 0xBB, 0xBF, 0x7B, 0x7D];            // a byte-order mark, then {}
        for (var i = Fixed.Length + 3; i < count; i++)
        {
            yield return _random.Next(3) switch
            {
                0 => RandomBytes(_random.Next(1, 512)),
                1 => Encoding.UTF8.GetBytes(Mutate(Fixed[_random.Next(Fixed.Length - 3)])),
                _ => Encoding.UTF8.GetBytes(RandomJson(depth: 0)),
            };
        }
    }

    /// <summary>SignalR JSON-protocol frames (each ends with the record separator 0x1E), most of them wrong.</summary>
    public IEnumerable<string> HubFrames(int count, IReadOnlyList<string> commands)
    {
        const char Separator = '\u001e';
        string[] fixedFrames =
        [
            "{}" + Separator,
            "{\"type\":1}" + Separator,
            "{\"type\":1,\"target\":\"makeCall\",\"arguments\":[]}" + Separator,
            "{\"type\":1,\"invocationId\":\"1\",\"target\":\"makeCall\",\"arguments\":[{\"number\":{}}]}" + Separator,
            "{\"type\":1,\"invocationId\":\"2\",\"target\":\"dropCall\",\"arguments\":[{\"callId\":\"not-a-guid\"}]}" + Separator,
            "{\"type\":1,\"invocationId\":\"3\",\"target\":\"setAgentState\",\"arguments\":[{\"state\":\"sleeping\"}]}" + Separator,
            "{\"type\":1,\"invocationId\":\"4\",\"target\":\"sendDtmf\",\"arguments\":[{\"callId\":\"00000000-0000-0000-0000-000000000001\",\"digits\":\"\\ud800\"}]}" + Separator,
            "{\"type\":1,\"invocationId\":\"5\",\"target\":\"noSuchCommand\",\"arguments\":[1,2,3]}" + Separator,
            "{\"type\":1,\"invocationId\":\"6\",\"target\":\"getActiveCalls\",\"arguments\":[[[[[[]]]]]]}" + Separator,
            "{\"type\":6}" + Separator,
            "{\"type\":99}" + Separator,
            "{\"type\":\"1\"}" + Separator,
            "not json" + Separator,
            new string('[', 10_000) + Separator,
        ];
        foreach (var frame in fixedFrames)
        {
            yield return frame;
        }

        for (var i = fixedFrames.Length; i < count; i++)
        {
            var command = commands[_random.Next(commands.Count)];
            yield return _random.Next(3) switch
            {
                0 => Mutate(fixedFrames[_random.Next(fixedFrames.Length)]),
                1 => $"{{\"type\":1,\"invocationId\":\"{i}\",\"target\":\"{command}\",\"arguments\":[{RandomJson(0)}]}}{Separator}",
                _ => $"{{\"type\":1,\"invocationId\":\"{i}\",\"target\":\"{command}\",\"arguments\":{RandomJson(0)}}}{Separator}",
            };
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Mutate(string text)
    {
        if (text.Length == 0)
        {
            return "\u0000";
        }

        var chars = text.ToCharArray();
        for (var n = _random.Next(1, 4); n > 0; n--)
        {
            chars[_random.Next(chars.Length)] = (char)_random.Next(0, 0x3000);
        }

        return _random.Next(4) == 0 ? new string(chars, 0, _random.Next(chars.Length)) : new string(chars);
    }

    private string RandomJson(int depth) => (depth > 4 ? _random.Next(5) : _random.Next(8)) switch
    {
        0 => "null",
        1 => _random.Next(2) == 0 ? "true" : "false",
        2 => _random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture) + (_random.Next(3) == 0 ? "e999" : ""),
        3 => "\"" + RandomText() + "\"",
        4 => "\"" + Guid.NewGuid() + "\"",
        5 or 6 => "{" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => $"\"{PickField()}\":{RandomJson(depth + 1)}")) + "}",
        _ => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => RandomJson(depth + 1))) + "]",
    };

    private string PickField()
    {
        string[] fields =
        [
            "login", "password", "lines", "comment", "contactId", "accountId", "callId", "number", "line", "target",
            "digits", "state", "reason", "enabled", "role", "displayName", "teamId", "phoneStyle", "sessions", "startedAt",
            "direction", "from", "to", "seconds", "name", "address", "webSocketUrl", "iceServers", "disabled",
        ];
        return fields[_random.Next(fields.Length)];
    }

    private string RandomText()
    {
        var length = _random.Next(0, 40);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(_random.Next(6) switch
            {
                0 => "\\ud800",
                1 => "\\u0000",
                2 => "\\\"",
                _ => ((char)_random.Next(0x20, 0x7F)).ToString(),
            });
        }

        return builder.ToString();
    }
}
