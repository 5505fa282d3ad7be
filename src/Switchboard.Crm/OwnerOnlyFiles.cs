namespace Switchboard.Crm;

/// <summary>
/// Creates the CRM's files that hold secrets or call data (the SQLite database, the Data
/// Protection keys) readable by their owner only: 0600 files, 0700 folders, whatever the umask.
/// What already exists keeps its mode; on Windows they take their folder's permissions.
/// </summary>
internal static class OwnerOnlyFiles
{
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> empty, for its owner only, unless it exists.</summary>
    public static void CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        try
        {
            new FileStream(path, options).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            // There already, or made by another process meanwhile: it is used as it is.
        }
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
