using Microsoft.Extensions.FileProviders;

namespace Switchboard.Server.WebPanel;

/// <summary>
/// Serves the web panel (web/panel, built by the build into panel/ next to the server) at the
/// site's root. The panel routes by the URL's fragment (#/calls), so the server needs no route of
/// its own for it, and an unknown API path stays a 404.
/// </summary>
internal static class WebPanelHosting
{
    /// <summary>Where the panel's files are; unset: panel/ next to the server, else web/panel/dist of the source tree.</summary>
    public const string PathKey = "WebPanel:Path";

    public static void UseWebPanel(this WebApplication app)
    {
        if (FindPanel(app.Configuration[PathKey]) is not { } folder)
        {
            app.Logger.LogInformation("No web panel found (build web/ or set {Key}); serving the API only", PathKey);
            return;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    private static string? FindPanel(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "index.html"))
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"{PathKey} is '{configured}', which holds no index.html.");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "panel");
        if (File.Exists(Path.Combine(beside, "index.html")))
        {
            return beside;
        }

        // Tests and tools that load the server from another folder find the source tree's build.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var dist = Path.Combine(folder.FullName, "web", "panel", "dist");
            if (File.Exists(Path.Combine(dist, "index.html")))
            {
                return dist;
            }
        }

        return null;
    }
}
