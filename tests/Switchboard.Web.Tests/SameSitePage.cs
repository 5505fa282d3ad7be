using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Web.Tests;

/// <summary>
/// An attacker's page on another port of the server's host (127.0.0.1): same site as the panel, so
/// Chromium sends the panel's SameSite=Strict cookie with its requests. A real Kestrel serves it,
/// as Chromium's local-network checks keep a page that a test route made up from reaching loopback.
/// </summary>
internal sealed class SameSitePage : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SameSitePage(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Serves <paramref name="body"/> at the root of a new loopback port.</summary>
    public static async Task<SameSitePage> StartAsync(string body = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var html = $"<!doctype html><html><head><title>Not Switchboard</title></head><body>{body}</body></html>";
        app.MapGet("/", () => Results.Content(html, "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SameSitePage(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
