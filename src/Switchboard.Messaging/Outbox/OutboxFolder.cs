using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Switchboard.Messaging.Outbox;

/// <summary>
/// The outbox on disk. Saves are written in batches: one file per batch (<c>saves-N.json</c>, N the
/// sequence of its first entry), written to a temporary file, flushed to the disk once and renamed
/// into place, so a file is either whole or absent and a burst of saves costs one fsync, not one
/// each. A file is deleted once none of its entries waits any more. A save the CRM refused as
/// malformed goes to <c>rejected/</c>; a file that cannot be read is moved to <c>corrupt/</c>.
/// A lock file keeps a second process from sharing the folder. The saves hold call data (numbers,
/// names, times): the folders are created 0700 and the files 0600, whatever the umask.
/// </summary>
internal sealed partial class OutboxFolder : IDisposable
{
    public const string RejectedFolder = "rejected";
    public const string CorruptFolder = "corrupt";

    private const string SegmentPrefix = "saves-";
    private const string SegmentExtension = ".json";
    private const string TemporaryExtension = ".tmp";
    private const string LockFile = "outbox.lock";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly ILogger _logger;
    private readonly FileStream _lock;

    public OutboxFolder(string path, ILogger logger)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger;
        OwnerOnlyFiles.CreateFolder(Path);
        try
        {
            // FileShare.None takes an exclusive lock (flock on Unix) that other processes see.
            _lock = new FileStream(System.IO.Path.Combine(Path, LockFile), OwnerOnlyFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException error)
        {
            throw new InvalidOperationException(
                $"The outbox folder '{Path}' is in use by another process; give each Messaging Service its own Messaging:OutboxPath.",
                error);
        }
    }

    public string Path { get; }

    /// <summary>Every entry on disk, in sequence order, each with the batch file it is in.</summary>
    public IReadOnlyList<(long Segment, OutboxEntry Entry)> Load()
    {
        foreach (var leftover in Directory.EnumerateFiles(Path, "*" + TemporaryExtension))
        {
            // A batch whose writing was cut short never reached its final name: it was never sent either.
            File.Delete(leftover);
        }

        var loaded = new List<(long, OutboxEntry)>();
        foreach (var (segment, file) in Segments())
        {
            if (Read(file) is { } entries)
            {
                loaded.AddRange(entries.Select(e => (segment, e)));
            }
            else
            {
                MoveAside(file);
            }
        }

        return loaded;
    }

    /// <summary>Writes one batch durably; returns when it is on the disk.</summary>
    public void Write(long segment, IReadOnlyList<OutboxEntry> entries)
    {
        var final = SegmentPath(segment);
        WriteAtomically(final, entries);
    }

    public void Delete(long segment)
    {
        try
        {
            File.Delete(SegmentPath(segment));
        }
        catch (IOException error)
        {
            // Left behind, its entries are sent once more after the next start; saves are idempotent.
            LogDeleteFailed(error, SegmentPath(segment));
        }
    }

    /// <summary>Keeps a refused save where an operator finds it, with the CRM's reason.</summary>
    public void Reject(OutboxEntry entry, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var folder = System.IO.Path.Combine(Path, RejectedFolder);
        OwnerOnlyFiles.CreateFolder(folder);
        var file = System.IO.Path.Combine(folder, entry.Sequence.ToString("D19", CultureInfo.InvariantCulture) + SegmentExtension);
        WriteAtomically(file, new RejectedSave(entry, reason, at));
    }

    public void Dispose() => _lock.Dispose();

    private static void WriteAtomically<T>(string final, T content)
    {
        var temporary = final + TemporaryExtension;
        using (var stream = new FileStream(temporary, OwnerOnlyFiles.Options(FileMode.Create, FileAccess.Write, FileShare.None)))
        {
            JsonSerializer.Serialize(stream, content, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, final, overwrite: true);
    }

    private List<(long Segment, string File)> Segments() =>
        [.. Directory.EnumerateFiles(Path, SegmentPrefix + "*" + SegmentExtension)
            .Select(file => (Number: ParseSegment(file), File: file))
            .Where(s => s.Number is not null)
            .Select(s => (Segment: s.Number!.Value, s.File))
            .OrderBy(s => s.Segment)];

    private static long? ParseSegment(string file)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(file);
        return long.TryParse(name.AsSpan(SegmentPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    private List<OutboxEntry>? Read(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var entries = JsonSerializer.Deserialize<List<OutboxEntry>>(stream, Json);
            if (entries is not null && entries.All(IsWhole))
            {
                return entries;
            }

            LogCorrupt(null, file);
            return null;
        }
        catch (JsonException error)
        {
            LogCorrupt(error, file);
            return null;
        }
    }

    // The serializer leaves out what the file lacks; an entry without its key or its save cannot be sent.
    private static bool IsWhole(OutboxEntry? entry) =>
        entry is { PbxCallId.Length: > 0, Line.Length: > 0, Save: not null };

    private void MoveAside(string file)
    {
        var folder = System.IO.Path.Combine(Path, CorruptFolder);
        OwnerOnlyFiles.CreateFolder(folder);
        File.Move(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)), overwrite: true);
    }

    private string SegmentPath(long segment) =>
        System.IO.Path.Combine(Path, SegmentPrefix + segment.ToString("D19", CultureInfo.InvariantCulture) + SegmentExtension);

    private sealed record RejectedSave(OutboxEntry Entry, string Reason, DateTimeOffset RejectedAt);

    [LoggerMessage(1, LogLevel.Error, "Outbox file {File} cannot be read; moved to the corrupt folder, its saves are not sent")]
    private partial void LogCorrupt(Exception? error, string file);

    [LoggerMessage(2, LogLevel.Warning, "Outbox file {File} could not be deleted; its saves will be sent again after a restart")]
    private partial void LogDeleteFailed(Exception error, string file);
}
