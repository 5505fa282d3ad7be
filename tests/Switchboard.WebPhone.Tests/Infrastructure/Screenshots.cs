using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Switchboard.WebPhone.Tests.Infrastructure;

/// <summary>artifacts/screenshots/ of the repository (git-ignored), where each scenario leaves the picture of its key moment, as the Web.Tests do.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(SipRig.RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Saves the whole page as {Folder}/webphone_{test name}{suffix}.png.</summary>
    public static async Task TakeAsync(IPage page, string suffix = "", [CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"webphone_{test}{suffix}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
