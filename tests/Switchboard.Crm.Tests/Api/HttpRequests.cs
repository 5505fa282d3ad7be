using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>An answer as the tests read it: the status, the JSON body (null when empty or not JSON) and the response itself.</summary>
internal sealed record HttpAnswer(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseMessage Response) : IDisposable
{
    public void Dispose() => Response.Dispose();

    /// <summary>The messages of a validation problem's errors about <paramref name="field"/>, or null when it names no such field.</summary>
    public JsonArray? ErrorsAbout(string field) => Body?["errors"]?[field]?.AsArray();
}

internal static class HttpRequests
{
    public static Task<HttpAnswer> PutJsonAsync(this HttpClient client, string path, object? body) =>
        SendAsync(client, HttpMethod.Put, path, body);

    /// <summary>A PUT whose body is sent exactly as written, to send what a typed body cannot.</summary>
    public static Task<HttpAnswer> PutRawJsonAsync(this HttpClient client, string path, string json) =>
        SendRawJsonAsync(client, HttpMethod.Put, path, json);

    public static async Task<HttpAnswer> SendRawJsonAsync(this HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        return await SendAsync(client, request);
    }

    public static Task<HttpAnswer> PostAsync(this HttpClient client, string path, object? body = null) =>
        SendAsync(client, HttpMethod.Post, path, body);

    public static Task<HttpAnswer> DeleteAnswerAsync(this HttpClient client, string path) =>
        SendAsync(client, HttpMethod.Delete, path, null);

    public static Task<HttpAnswer> GetAnswerAsync(this HttpClient client, string path) =>
        SendAsync(client, HttpMethod.Get, path, null);

    public static async Task<HttpAnswer> SendAsync(this HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await SendAsync(client, request);
    }

    private static async Task<HttpAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request, Timeouts.Token()).WithTimeout();
        var text = await response.Content.ReadAsStringAsync(Timeouts.Token()).WithTimeout();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            json = JsonNode.Parse(text);
        }

        return new HttpAnswer(response.StatusCode, json, text, response);
    }

    /// <summary>Fails with the body in the message when the status is not <paramref name="expected"/>.</summary>
    public static HttpAnswer Expect(this HttpAnswer answer, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Assert.True(answer.Status == expected, $"{answer.Response.RequestMessage?.Method} {answer.Response.RequestMessage?.RequestUri}: {(int)answer.Status} {answer.Text}");
        return answer;
    }
}
