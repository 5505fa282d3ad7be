using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Connectors.Asterisk.Tests.Ami;

/// <summary>
/// The recordings of real Asterisk AMI traffic (../shared/fixtures/asterisk-ami beside the repository, or
/// the folder named by SWITCHBOARD_AMI_FIXTURES): their files, and what their notes (.md) say they hold.
/// </summary>
public static partial class AmiRecordings
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The fixtures folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>Every recording, as a path relative to <see cref="Directory"/> with '/' (e.g. <c>asterisk22-pjsip/06b-hold-park.ami</c>).</summary>
    public static IReadOnlyList<string> All =>
    [
        .. System.IO.Directory.EnumerateFiles(Directory, "*.ami", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Every recording for an xunit theory.</summary>
    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var name in All)
        {
            data.Add(name);
        }

        return data;
    }

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The notes' "Messages received (count by Event / Response)": event names, and <c>Response: Success</c> for responses.</summary>
    public static IReadOnlyDictionary<string, int> ExpectedCounts(string name)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in File.ReadLines(NotesOf(name)))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.StartsWith("## Messages received", StringComparison.Ordinal);
                continue;
            }

            var match = CountLine().Match(line);
            if (inSection && match.Success)
            {
                counts[match.Groups["name"].Value] = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    /// <summary>The notes' "N messages after the banner".</summary>
    public static int ExpectedMessageCount(string name)
    {
        var match = MessagesAfterBanner().Match(File.ReadAllText(NotesOf(name)));
        return int.Parse(match.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Splits a recording into its banner and what follows the login exchange (the response to <c>login-…</c>
    /// and, before it, to <c>challenge-…</c>): the part a fake server streams after it has answered the login itself.
    /// </summary>
    public static (string Banner, ReadOnlyMemory<byte> AfterLogin) SplitAtLogin(byte[] recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var bannerEnd = Array.IndexOf(recording, (byte)'\n') + 1;
        var banner = Encoding.UTF8.GetString(recording, 0, bannerEnd).TrimEnd('\r', '\n');
        var offset = bannerEnd;
        while (true)
        {
            var end = recording.AsSpan(offset).IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                break;
            }

            var frame = Encoding.UTF8.GetString(recording, offset, end);
            if (!frame.StartsWith("Response:", StringComparison.Ordinal)
                || !(frame.Contains("ActionID: login-", StringComparison.Ordinal) || frame.Contains("ActionID: challenge-", StringComparison.Ordinal)))
            {
                break;
            }

            offset += end + 4;
        }

        return (banner, recording.AsMemory(offset));
    }

    private static string NotesOf(string name) => Path.ChangeExtension(PathOf(name), ".md");

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("SWITCHBOARD_AMI_FIXTURES");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        // The repository's own copy (tests/fixtures/asterisk-ami), else the shared folder beside it.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(folder.FullName, "tests", "fixtures", "asterisk-ami"),
                Path.Combine(folder.FullName, "shared", "fixtures", "asterisk-ami"),
            })
            {
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "The AMI recordings (tests/fixtures/asterisk-ami) were not found; set SWITCHBOARD_AMI_FIXTURES.");
    }

    [GeneratedRegex(@"^- (?<name>.+): (?<count>\d+)$")]
    private static partial Regex CountLine();

    [GeneratedRegex(@"(?<count>[\d,]+) messages after the banner")]
    private static partial Regex MessagesAfterBanner();
}
