using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Input;

/// <summary>
/// Bodies that are not JSON, or not the JSON an endpoint takes, sent to anonymous and signed-in
/// endpoints of every role: each is answered 400 with a problem that names the field, and logged
/// once at Information, with no error and no stack in the log.
/// </summary>
public class MalformedRequestTests(MalformedRequestFixture roles) : IClassFixture<MalformedRequestFixture>
{
    private const int Nesting = 100_000;

    /// <summary>Role, method, path, whether an administrator's token goes with it, and the body's text field.</summary>
    public static TheoryData<string, string, string, bool, string> Endpoints => new()
    {
        { "all", "POST", "/api/auth/login", false, "login" },
        { "crm", "POST", "/api/auth/login", false, "login" },
        { "all", "PUT", "/api/calls/pbx/bad.1/101", true, "conversationId" },
        { "crm", "PUT", "/api/calls/pbx/bad.1/101", true, "conversationId" },
        { "crm", "POST", "/api/users", true, "displayName" },
        { "all", "POST", "/api/simulator/calls", true, "from" },
        { "messaging", "POST", "/api/simulator/calls", true, "from" },
        { "messaging", "POST", "/api/simulator/calls/sim-1/dtmf", true, "digits" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_that_breaks_off_names_where_it_broke(string role, string method, string path, bool signedIn, string field) =>
        await ExpectRefusedAsync(role, method, path, signedIn, Utf8($"{{\"{field}\":"), field);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_array_where_an_object_is_expected_names_the_whole_body(string role, string method, string path, bool signedIn, string field) =>
        await ExpectRefusedAsync(role, method, path, signedIn, Utf8($"[{{\"{field}\":\"1\"}}]"), "$");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_string_where_an_object_is_expected_names_the_whole_body(string role, string method, string path, bool signedIn, string field)
    {
        _ = field;
        await ExpectRefusedAsync(role, method, path, signedIn, Utf8("\"just text\""), "$");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_number_where_text_is_expected_names_the_field(string role, string method, string path, bool signedIn, string field) =>
        await ExpectRefusedAsync(role, method, path, signedIn, Utf8($"{{\"{field}\":5}}"), field);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_lone_surrogate_names_the_field(string role, string method, string path, bool signedIn, string field) =>
        await ExpectRefusedAsync(role, method, path, signedIn, Utf8($"{{\"{field}\":\"\\ud800\"}}"), field);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Bytes_that_are_not_UTF8_name_the_field(string role, string method, string path, bool signedIn, string field) =>
        await ExpectRefusedAsync(role, method, path, signedIn, [.. Utf8($"{{\"{field}\":\""), 0xFF, 0xFE, .. Utf8("\"}")], field);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Nesting_a_hundred_thousand_deep_names_the_field(string role, string method, string path, bool signedIn, string field)
    {
        _ = field;
        var deep = "{\"deep\":" + new string('[', Nesting) + new string(']', Nesting) + "}";
        await ExpectRefusedAsync(role, method, path, signedIn, Utf8(deep), "deep");
    }

    private async Task ExpectRefusedAsync(string role, string method, string path, bool signedIn, byte[] body, string field)
    {
        var host = roles.Role(role);
        var token = signedIn ? await roles.AdministratorTokenAsync(role) : null;
        foreach (var each in roles.Hosts)
        {
            each.Logs.Clear();
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"The problem names no field '{field}': {text}");
        Assert.NotEqual(0, messages.GetArrayLength());

        var refusal = Assert.Single(host.Logs.Entries, e => e.Category.EndsWith("MalformedRequestHandler", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Null(refusal.Exception);
        foreach (var each in roles.Hosts)
        {
            Assert.Empty(each.Logs.AtLeast(LogLevel.Error));
            Assert.DoesNotContain(each.Logs.Entries, e => e.Exception is not null);
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
