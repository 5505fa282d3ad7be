namespace Switchboard.Messaging.Outbox;

/// <summary>
/// Files and folders created for their owner only (0600, 0700), whatever the umask: the outbox
/// holds call data. What already exists keeps its mode; on Windows they take their folder's permissions.
/// </summary>
internal static class OwnerOnlyFiles
{
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Options to open a file with, creating it for its owner only when it does not exist.</summary>
    public static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        return options;
    }

    /// <summary>Creates <paramref name="path"/> (and missing parents) for its owner only, unless it exists.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderPermissions);
        }
    }
}
