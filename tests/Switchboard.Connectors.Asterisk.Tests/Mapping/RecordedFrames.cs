using System.Text;
using Switchboard.Connectors.Asterisk.Ami;

namespace Switchboard.Connectors.Asterisk.Tests.Mapping;

/// <summary>
/// The frames of one recording of real Asterisk traffic (shared/fixtures/asterisk-ami beside the repository,
/// or SWITCHBOARD_AMI_FIXTURES): the banner line skipped, each frame up to its blank line. A bare LF inside a
/// value (the Park response) stays in its frame.
/// </summary>
internal static class RecordedFrames
{
    public static string Folder { get; } = FindFolder();

    public static IReadOnlyList<AmiMessage> Load(string relativePath)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Folder, relativePath)));
        var bannerEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        var body = bannerEnd < 0 ? "" : text[(bannerEnd + 2)..];
        return [.. body.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(frame => frame.Contains(':', StringComparison.Ordinal))
            .Select(AmiMessage.Parse)];
    }

    /// <summary>Every recording, as a path relative to the fixtures folder.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*.ami", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string FindFolder() => Ami.AmiRecordings.Directory;
}
