using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Switchboard.WebPhone.Rig;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Connectors.Asterisk.Live;

/// <summary>
/// A web-phone user on Asterisk: the panel in Chromium registers the user's SIP account on Asterisk's WebSocket
/// (the reference Asterisk's WebRTC endpoint 201), an outside caller rings it, the user answers in the browser.
/// Asterisk's AMI shows the same call on PJSIP/201, yet the log must hold one row for it: the browser's.
/// </summary>
internal static class WebPhoneScenario
{
    private const string Password = "live-web-phone-password";

    public static async Task RunAsync(SmokeRun run, HttpClient http, string line, string sipPassword, string webSocketUrl)
    {
        var login = await EnsureUserAsync(run, http, line, sipPassword, webSocketUrl);
        var browser = new WebPhoneBrowser();
        await browser.InitializeAsync();
        try
        {
            var since = DateTimeOffset.UtcNow;
            var page = await browser.OpenPanelAsync(run.Options.Server, login, Password);
            // The panel registers as it opens; Asterisk takes a moment to add the contact.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await using var caller = run.CallFromOutside(line, TimeSpan.FromSeconds(6));
            var popup = page.GetByRole(AriaRole.Dialog, new() { Name = "Incoming call" });
            await popup.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true }).ClickAsync();
            var call = page.GetByRole(AriaRole.Article).Filter(new() { HasTextString = SmokeRun.Caller });
            await Expect(call).ToContainTextAsync("Connected");
            await caller.FinishedAsync(TimeSpan.FromSeconds(60));
            await Expect(call).ToHaveCountAsync(0);

            // The browser's save may come a moment after the call ends; so would a second writer's.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var rows = await RowsOfLineSinceAsync(run, http, line, since);
            if (rows.Count != 1)
            {
                throw new InvalidOperationException($"{rows.Count} rows for the web phone's call, not 1: " +
                    string.Join(", ", rows.Select(r => r.GetProperty("pbxCallId").GetString())));
            }
        }
        finally
        {
            await browser.CloseAllAsync();
            await browser.DisposeAsync();
        }
    }

    private static async Task<string> EnsureUserAsync(SmokeRun run, HttpClient http, string line, string sipPassword, string webSocketUrl)
    {
        using var admin = await AdminAsync(run, http);
        var login = "webphone" + line;
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        var existing = (users.ValueKind == JsonValueKind.Array ? users.EnumerateArray() : users.GetProperty("items").EnumerateArray())
            .FirstOrDefault(u => u.GetProperty("login").GetString() == login);
        Guid id;
        if (existing.ValueKind == JsonValueKind.Object)
        {
            id = existing.GetProperty("id").GetGuid();
        }
        else
        {
            using var created = await admin.PostAsJsonAsync("/api/users", new { login, displayName = $"Web phone {line}", role = "agent", password = Password, lines = new[] { line } });
            created.EnsureSuccessStatusCode();
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var account = new { address = $"sip:{line}@127.0.0.1", authUser = line, password = sipPassword, webSocketUrl };
        (await admin.PutAsJsonAsync($"/api/users/{id}/sip-account", account)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/users/{id}/phone-style", new { phoneStyle = "webPhone" })).EnsureSuccessStatusCode();
        return login;
    }

    private static async Task<List<JsonElement>> RowsOfLineSinceAsync(SmokeRun run, HttpClient http, string line, DateTimeOffset since)
    {
        using var admin = await AdminAsync(run, http);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/calls?limit=50");
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("line").GetString() == line && r.GetProperty("startedAt").GetDateTimeOffset() >= since)];
    }

    private static async Task<HttpClient> AdminAsync(SmokeRun run, HttpClient http)
    {
        var client = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await run.LoginAsync("admin"));
        return client;
    }
}
