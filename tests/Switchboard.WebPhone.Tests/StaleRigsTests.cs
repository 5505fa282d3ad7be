using System.Diagnostics;
using System.Globalization;
using Switchboard.WebPhone.Tests.Infrastructure;

namespace Switchboard.WebPhone.Tests;

/// <summary>What a rig of a test process that died left running is killed at the next start; a live test process's rig is left alone.</summary>
[Collection(SharedSipRig.Name)]
public sealed class StaleRigsTests
{
    [Fact]
    public async Task A_process_left_by_a_dead_test_process_is_killed_by_its_pid_file_and_its_folder_removed()
    {
        var folder = Path.Combine(StaleRigs.Parent, $"stale-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "owner.pid"), await DeadPidAsync());
        using var left = Process.Start(new ProcessStartInfo("sleep", "300") { WorkingDirectory = folder })!;
        File.WriteAllText(Path.Combine(folder, "kamailio.pid"), left.Id.ToString(CultureInfo.InvariantCulture));

        StaleRigs.Clean();

        Assert.True(left.WaitForExit(TimeSpan.FromSeconds(10)), "the left process still runs");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_rig_whose_test_process_runs_is_left_alone()
    {
        var folder = StaleRigs.NewFolder();
        using var running = Process.Start(new ProcessStartInfo("sleep", "300") { WorkingDirectory = folder })!;
        File.WriteAllText(Path.Combine(folder, "rtpengine.pid"), running.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            StaleRigs.Clean();

            Assert.False(running.HasExited);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            running.Kill();
            running.WaitForExit(TimeSpan.FromSeconds(10));
            Directory.Delete(folder, recursive: true);
        }
    }

    // The pid of a process that has ended: a test process that died.
    private static async Task<string> DeadPidAsync()
    {
        using var ended = Process.Start("true")!;
        await ended.WaitForExitAsync();
        return ended.Id.ToString(CultureInfo.InvariantCulture);
    }
}
