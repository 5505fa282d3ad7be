using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Testing;

namespace Switchboard.Connectors.Asterisk.Live;

/// <summary>What the scenarios share: the server, signing in as the demo people, SIP parties, the call log.</summary>
internal sealed class SmokeRun(LiveOptions options, HttpClient http)
{
    public const string Caller = "+74951234567";

    public LiveOptions Options => options;

    public async Task<AgentSession> ConnectAsync(string login)
    {
        var session = new AgentSession(options.Server, await LoginAsync(login));
        await session.StartAsync();
        return session;
    }

    public async Task<string> LoginAsync(string login)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { login, password = Crm.Demo.DemoData.Users.Single(u => u.Login == login).Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task RegisterPhonesAsync()
    {
        foreach (var (line, (port, password)) in options.Phones)
        {
            await using var phone = SippParty.Start(options, $"register-{line}", "register", port, new Dictionary<string, string>
            {
                ["__USER__"] = line,
                ["__PASSWORD__"] = password,
            });
            if (!await phone.FinishedAsync(TimeSpan.FromSeconds(20)))
            {
                throw new InvalidOperationException($"Phone {line} could not register with {options.AsteriskSip}.");
            }
        }
    }

    /// <summary>The phone of a line, ready to answer one call after 1 s ringing.</summary>
    public SippParty Phone(string line) =>
        SippParty.Start(options, $"phone-{line}", "phone-answers", options.Phones[line].Port, new Dictionary<string, string> { ["__USER__"] = line });

    /// <summary>The carrier's far end, answering the one outside call Asterisk sends it.</summary>
    public SippParty Callee() =>
        SippParty.Start(options, "carrier", "phone-answers", options.CarrierPort, new Dictionary<string, string> { ["__USER__"] = "carrier" });

    /// <summary>An outside caller on the trunk: calls <paramref name="did"/>, hangs up <paramref name="talk"/> after the answer.</summary>
    public SippParty CallFromOutside(string did, TimeSpan talk) =>
        SippParty.Start(options, "trunk", "caller", options.TrunkPort, new Dictionary<string, string>
        {
            ["__CALLER__"] = Caller,
            ["__TARGET__"] = did,
            ["__HANGUP_MS__"] = ((int)talk.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task PostAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<(int Status, long Bytes, string? Type)> GetRecordingAsync(Guid rowId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/calls/{rowId}/recording");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, body.LongLength, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The conversation's rows once the log has <paramref name="count"/> of them, all finished.</summary>
    public async Task<IReadOnlyList<JsonElement>> RowsAsync(string conversationId, int count) =>
        await new CallLogClient(http, await LoginAsync("admin")).FinishedRowsAsync(conversationId, count);
}
