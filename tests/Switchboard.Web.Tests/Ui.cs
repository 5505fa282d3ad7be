using System.Runtime.CompilerServices;

namespace Switchboard.Web.Tests;

/// <summary>Limits for waiting in the browser and where the screenshots go.</summary>
public static class Ui
{
    /// <summary>How long an expectation waits for the page to show something; generous, as two cores are shared. Never a measurement.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>artifacts/screenshots/ of the repository (git-ignored), where each test leaves the picture of its key moment.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public static string ScreenshotPath(string name) => Path.Combine(ScreenshotFolder, name + ".png");

    /// <summary>The calling test method's name, for naming its screenshot.</summary>
    public static string TestName([CallerMemberName] string name = "") => name;

    private static string FindScreenshotFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Switchboard.slnx")))
            {
                return Path.Combine(folder.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}
