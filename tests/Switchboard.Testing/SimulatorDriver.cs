using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.Testing;

/// <summary>Plays the outside world through the simulator's HTTP endpoints.</summary>
public sealed class SimulatorDriver(HttpClient http)
{
    public async Task<string> CallAsync(string from, string to)
    {
        var response = await http.PostAsJsonAsync("/api/simulator/calls", new { from, to });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    public Task AnswerAsync(string id) => PostAsync($"/api/simulator/calls/{id}/answer");

    public Task BusyAsync(string id) => PostAsync($"/api/simulator/calls/{id}/busy");

    public Task HangUpAsync(string id) => PostAsync($"/api/simulator/calls/{id}/hangup");

    /// <summary>The id of the active simulator call in which <paramref name="number"/> takes part.</summary>
    public async Task<string> FindCallWithAsync(string number)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            var calls = await http.GetFromJsonAsync<JsonElement>("/api/simulator/calls", timeout.Token);
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

    private async Task PostAsync(string path)
    {
        var response = await http.PostAsync(path, null);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
