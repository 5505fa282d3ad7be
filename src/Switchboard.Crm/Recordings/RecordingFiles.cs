using Microsoft.Extensions.Options;

namespace Switchboard.Crm.Recordings;

/// <summary>
/// Finds a recording by the name the PBX gave it, inside the configured folder and never outside it. A stored name
/// comes from the PBX link or from any client that saves calls, so it is treated as hostile: parent steps, absolute
/// paths and links that lead out of the folder all end as "missing", not as a file elsewhere on the server.
/// </summary>
public sealed class RecordingFiles(IOptions<RecordingsOptions> options)
{
    private static readonly char[] Separators = ['/', '\\'];

    public RecordingLocation Locate(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var settings = options.Value;
        if (settings.Folder is { Length: > 0 } folder)
        {
            return InFolder(Path.GetFullPath(folder), stored);
        }

        if (settings.UrlTemplate is { Length: > 0 } template)
        {
            return ToAddress(template, stored);
        }

        return new RecordingLocation.Missing("No recordings folder or address is configured (Recordings:Folder, Recordings:UrlTemplate).");
    }

    private static RecordingLocation InFolder(string folder, string stored)
    {
        if (RelativePath(folder, stored) is not { } relative)
        {
            return new RecordingLocation.Missing("The recording's name leads out of the recordings folder.");
        }

        var root = RealPath(folder);
        var file = RealPath(Path.Combine(folder, relative));
        if (root is null || file is null || !IsBelow(root, file))
        {
            return new RecordingLocation.Missing("The recording's name leads out of the recordings folder.");
        }

        return File.Exists(file) ? new RecordingLocation.LocalFile(file) : new RecordingLocation.Missing("The recording file is not in the recordings folder.");
    }

    /// <summary>
    /// The path below the folder: a relative name as it is, an absolute one inside the folder from there, any other
    /// absolute one (the PBX's own spool) by its file name; null for a name with a parent step or no file name.
    /// </summary>
    private static string? RelativePath(string folder, string stored)
    {
        var parts = stored.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is ".." or "." || p.Contains('\0', StringComparison.Ordinal)))
        {
            return null;
        }

        var rooted = stored.StartsWith('/') || stored.StartsWith('\\') || Path.IsPathRooted(stored);
        if (!rooted)
        {
            return Path.Combine(parts);
        }

        var full = Path.GetFullPath(stored);
        return IsBelow(folder, full) ? Path.GetRelativePath(folder, full) : parts[^1];
    }

    /// <summary>The path with every link on the way followed, as the file system will open it; null when a link is broken.</summary>
    private static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is not null)
            {
                if (entry.ResolveLinkTarget(returnFinalTarget: true) is not { } target)
                {
                    return null;
                }

                current = Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }

    private static bool IsBelow(string folder, string path)
    {
        var withSeparator = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(withSeparator, StringComparison.Ordinal);
    }

    private static RecordingLocation ToAddress(string template, string stored)
    {
        var parts = stored.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is ".." or "."))
        {
            return new RecordingLocation.Missing("The recording's name leads out of the recordings folder.");
        }

        var address = template
            .Replace("{file}", Uri.EscapeDataString(parts[^1]), StringComparison.Ordinal)
            .Replace("{path}", string.Join('/', parts.Select(Uri.EscapeDataString)), StringComparison.Ordinal);
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? new RecordingLocation.Elsewhere(uri)
            : new RecordingLocation.Missing("Recordings:UrlTemplate does not make an http(s) address.");
    }
}
