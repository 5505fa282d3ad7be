using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

internal static class JsonResponses
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Timeouts.Token()).WithTimeout();
        var body = await response.Content.ReadAsStringAsync(Timeouts.Token()).WithTimeout();
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<HttpStatusCode> GetStatusAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Timeouts.Token()).WithTimeout();
        return response.StatusCode;
    }

    public static async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> PostJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Timeouts.Token()).WithTimeout();
        var text = await response.Content.ReadAsStringAsync(Timeouts.Token()).WithTimeout();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public static List<string> PbxCallIds(this JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["pbxCallId"]!.GetValue<string>()).ToList();
}
