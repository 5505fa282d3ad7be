using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.Testing;

/// <summary>
/// Plays the outside world through the simulator's HTTP endpoints, signed in with the token that
/// <paramref name="token"/> gives: the fixtures give the demo administrator's, who may place a call
/// to any line or queue and cut the PBX link.
/// </summary>
public sealed class SimulatorDriver(HttpClient http, Func<Task<string>> token)
{
    public async Task<string> CallAsync(string from, string to)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/simulator/calls", JsonContent.Create(new { from, to }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    public Task AnswerAsync(string id) => PostAsync($"/api/simulator/calls/{id}/answer");

    public Task BusyAsync(string id) => PostAsync($"/api/simulator/calls/{id}/busy");

    public Task HangUpAsync(string id) => PostAsync($"/api/simulator/calls/{id}/hangup");

    public Task LinkDownAsync(string reason) => PostAsync("/api/simulator/link/down", JsonContent.Create(new { reason }));

    public Task LinkUpAsync() => PostAsync("/api/simulator/link/up");

    /// <summary>The active simulator calls that the signed-in user may see (an administrator: all).</summary>
    public async Task<JsonElement> CallsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/simulator/calls", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>The id of the active simulator call in which <paramref name="number"/> takes part.</summary>
    public async Task<string> FindCallWithAsync(string number)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            var calls = await CallsAsync(timeout.Token);
            foreach (var call in calls.EnumerateArray())
            {
                if (call.GetRawText().Contains($"\"{number}\"", StringComparison.Ordinal))
                {
                    return call.GetProperty("id").GetString()!;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task PostAsync(string path, HttpContent? content = null)
    {
        using var response = await SendAsync(HttpMethod.Post, path, content);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token());
        return await http.SendAsync(request, cancellationToken);
    }
}
