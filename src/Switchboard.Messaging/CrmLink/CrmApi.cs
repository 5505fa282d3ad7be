using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.CrmLink;

/// <summary>
/// The CRM's HTTP API as the Messaging Service uses it. Each request takes a client from the
/// factory, whose handler adds timeouts, retries of idempotent requests and a circuit breaker.
/// </summary>
public sealed class CrmApi(IHttpClientFactory clients)
{
    public const string ClientName = "crm";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Signs in; null when the CRM refused the login or password.</summary>
    public async Task<IssuedToken?> LoginAsync(string login, string password, CancellationToken cancellationToken)
    {
        using var response = await Client().PostAsJsonAsync("api/auth/login", new { login, password }, Json, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<IssuedToken>(Json, cancellationToken)
            ?? throw new HttpRequestException("The CRM answered the login with an empty body.");
    }

    /// <summary>The user a token belongs to, as the CRM sees them now; null when it does not accept the token.</summary>
    public async Task<MessagingUser?> WhoIsAsync(string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        using var response = await SendAsync(request, token, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        var me = await response.Content.ReadFromJsonAsync<CrmUserAnswer>(Json, cancellationToken)
            ?? throw new HttpRequestException("The CRM answered /api/me with an empty body.");
        return me.ToMessagingUser();
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Throws with the CRM's own words (a problem's title and detail) for an unsuccessful answer.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The CRM answered {(int)response.StatusCode} {response.ReasonPhrase}: {await ReasonAsync(response, cancellationToken)}",
                null,
                response.StatusCode);
        }
    }

    /// <summary>The title, detail and field errors of a problem response, or the start of whatever else it says.</summary>
    public static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var problem = JsonSerializer.Deserialize<Problem>(body, Json);
            if (problem is not null && (problem.Title is not null || problem.Errors is not null))
            {
                var errors = problem.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? [];
                return string.Join("; ", new[] { problem.Title, problem.Detail }.Where(s => !string.IsNullOrEmpty(s)).Concat(errors));
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the body as it is, shortened.
        }

        return body.Length <= 300 ? body : body[..300];
    }

    private HttpClient Client() => clients.CreateClient(ClientName);

    public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

    /// <summary>A user as the CRM's API gives them.</summary>
    public sealed record CrmUserAnswer(Guid Id, string Login, string DisplayName, Contracts.UserRole Role, List<string>? Lines, List<string>? TeamLines)
    {
        public MessagingUser ToMessagingUser() => new(Id, Login, DisplayName, Role, Lines ?? []) { TeamLines = TeamLines ?? [] };
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
