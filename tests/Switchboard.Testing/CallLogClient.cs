using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.Testing;

/// <summary>Reads the Calls section over HTTP as a signed-in user.</summary>
public sealed class CallLogClient(HttpClient http, string token)
{
    public async Task<IReadOnlyList<JsonElement>> RowsOfConversationAsync(string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calls?limit=200");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("conversationId").GetString() == conversationId)];
    }

    /// <summary>Waits until the log holds the conversation's rows in their final state.</summary>
    public async Task<IReadOnlyList<JsonElement>> FinishedRowsAsync(string conversationId, int expectedRows)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Step);
        while (true)
        {
            var rows = await RowsOfConversationAsync(conversationId);
            if (rows.Count >= expectedRows && rows.All(r => r.GetProperty("endedAt").ValueKind != JsonValueKind.Null))
            {
                return rows;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
