using System.Diagnostics;
using System.Globalization;

namespace Switchboard.WebPhone.Rig;

/// <summary>
/// The rigs' folders under one parent in the temp folder. A rig whose test process died (killed,
/// timed out) may have left Kamailio or rtpengine running: the next rig to start kills them by the
/// pid files in that folder and removes it. A rig whose test process still runs is left alone.
/// </summary>
public static class StaleRigs
{
    public static string Parent => Path.Combine(Path.GetTempPath(), "switchboard-webphone-rig");

    private const string OwnerFile = "owner.pid";

    /// <summary>A new folder for a rig of this test process.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Parent, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return folder;
    }

    /// <summary>Kills what rigs of dead test processes left running, and removes their folders.</summary>
    public static void Clean()
    {
        if (!Directory.Exists(Parent))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(Parent))
        {
            if (ReadPid(Path.Combine(folder, OwnerFile)) is { } owner && IsRunning(owner))
            {
                continue;
            }

            foreach (var pidFile in Directory.GetFiles(folder, "*.pid"))
            {
                if (ReadPid(pidFile) is { } pid && IsRunning(pid) && BelongsTo(pid, folder))
                {
                    Kill(pid);
                }
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Still in use: the next start tries again.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's rig.
            }
        }
    }

    private static int? ReadPid(string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    // A pid may have been reused since: kill only a process started with this folder's files or in it.
    private static bool BelongsTo(int pid, string folder)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            var workingFolder = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
            return commandLine.Contains(folder, StringComparison.Ordinal) || string.Equals(workingFolder, folder, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException)
        {
            // Gone meanwhile.
        }
        catch (InvalidOperationException)
        {
            // Gone meanwhile.
        }
    }
}
