using System.Net;
using System.Net.Http.Headers;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Telephony.Calls;
using static Switchboard.Crm.Tests.Infrastructure.TestCalls;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// A server whose recordings folder holds a few files, with calls that name them the ways a PBX does, calls that
/// name files that are gone or lie outside the folder, and a user of another team.
/// </summary>
public abstract class RecordingsFixture(CrmTestDatabase engine) : IAsyncLifetime
{
    // Not a TempFolder field: the fixture's lifetime is IAsyncLifetime's, not IDisposable's.
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "switchboard-crm-tests", Guid.NewGuid().ToString("N"));

    internal CrmTestServer Server { get; private set; } = null!;

    public string Folder => Path.Combine(_outside, "recordings");

    /// <summary>The bytes of wave-a.wav: every byte differs from its neighbours, so a wrong range shows.</summary>
    public byte[] WaveA { get; } = [.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))];

    /// <summary>Row ids by PBX call id.</summary>
    public Dictionary<string, Guid> CallIds { get; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "2026", "12"));
        await File.WriteAllBytesAsync(Path.Combine(Folder, "wave-a.wav"), WaveA);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "2026", "12", "b.mp3"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(_outside, "secret.wav"), [9, 9, 9]);
        File.CreateSymbolicLink(Path.Combine(Folder, "link.wav"), Path.Combine(_outside, "secret.wav"));
        Directory.CreateSymbolicLink(Path.Combine(Folder, "up"), _outside);

        Server = await CrmTestServer.StartAsync(engine, new Dictionary<string, string?> { ["Recordings:Folder"] = Folder });
        using (var admin = await Server.SignInAsync("admin"))
        {
            using var team = (await admin.PostAsync("/api/teams", new { name = "Night shift" })).Expect(HttpStatusCode.Created);
            using var created = (await admin.PostAsync("/api/users", new { login = "night", displayName = "Night", role = "supervisor", password = "night-password", lines = new[] { "105" } }))
                .Expect(HttpStatusCode.Created);
            (await admin.PutJsonAsync($"/api/users/{created.Body!["id"]}/team", new { teamId = team.Body!["id"]!.GetValue<Guid>() })).Expect(HttpStatusCode.OK).Dispose();
        }

        var log = Server.Get<CallLog>();
        (string PbxCallId, string Line, string? File)[] calls =
        [
            ("r.spool", "101", "/var/spool/asterisk/monitor/wave-a.wav"),
            ("r.inside", "101", Path.Combine(Folder, "wave-a.wav")),
            ("r.sub", "101", "2026/12/b.mp3"),
            ("r.gone", "101", "/var/spool/asterisk/monitor/gone.wav"),
            ("r.none", "101", null),
            ("r.parent", "101", "../secret.wav"),
            ("r.parent2", "101", "2026/../../secret.wav"),
            ("r.link", "101", "link.wav"),
            ("r.uplink", "101", "up/secret.wav"),
            ("r.102", "102", "wave-a.wav"),
        ];
        foreach (var (pbxCallId, line, file) in calls)
        {
            var call = Incoming(pbxCallId, line, "+74951234567", Noon).Answered(Noon.AddSeconds(2)).Ended(Noon.AddSeconds(30), CallEndReason.Completed)
                with
            { RecordingFile = file };
            CallIds[pbxCallId] = await log.SaveAsync(call, Noon.AddMinutes(1), Timeouts.Token()).WithTimeout();
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_outside, recursive: true);
    }
}

public sealed class SqliteRecordingsFixture() : RecordingsFixture(SqliteTestDatabase.Instance);

public sealed class PostgresRecordingsFixture(PostgresCluster cluster) : RecordingsFixture(cluster);

/// <summary><c>GET /api/calls/{id}/recording</c>: who may play a call's recording, what they get, and what they never get.</summary>
public abstract class RecordingApiTests(RecordingsFixture fixture)
{
    private CrmTestServer Server => fixture.Server;

    private string RecordingOf(string pbxCallId) => $"/api/calls/{fixture.CallIds[pbxCallId]}/recording";

    [Fact]
    public async Task A_recording_the_PBX_named_by_its_own_spool_path_is_played_from_the_folder_by_its_file_name()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = await agent1.GetAsync(RecordingOf("r.spool"), Timeouts.Token()).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("audio/wav", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", Assert.Single(answer.Headers.AcceptRanges));
        Assert.Equal(fixture.WaveA, await answer.Content.ReadAsByteArrayAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task A_range_is_answered_206_with_exactly_those_bytes()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        using var request = new HttpRequestMessage(HttpMethod.Get, RecordingOf("r.inside"));
        request.Headers.Range = new RangeHeaderValue(1000, 1099);

        using var answer = await agent1.SendAsync(request, Timeouts.Token()).WithTimeout();

        Assert.Equal(HttpStatusCode.PartialContent, answer.StatusCode);
        Assert.Equal(new ContentRangeHeaderValue(1000, 1099, fixture.WaveA.Length), answer.Content.Headers.ContentRange);
        Assert.Equal(fixture.WaveA[1000..1100], await answer.Content.ReadAsByteArrayAsync(Timeouts.Token()).WithTimeout());
    }

    [Fact]
    public async Task A_recording_in_a_subfolder_is_played_with_the_media_type_of_its_extension()
    {
        using var supervisor = await Server.SignInAsync("supervisor");

        using var answer = await supervisor.GetAsync(RecordingOf("r.sub"), Timeouts.Token()).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("audio/mpeg", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_calls_card_and_the_log_say_which_calls_have_a_recording()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var card = await agent1.GetJsonAsync($"/api/calls/{fixture.CallIds["r.spool"]}");
        var none = await agent1.GetJsonAsync($"/api/calls/{fixture.CallIds["r.none"]}");

        Assert.True(card["hasRecording"]!.GetValue<bool>());
        Assert.False(none["hasRecording"]!.GetValue<bool>());
        Assert.Null(card["recordingFile"]);
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_404_saying_the_recording_is_missing_and_a_call_without_one_is_404()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        var gone = await agent1.GetJsonAsync(RecordingOf("r.gone"), HttpStatusCode.NotFound);
        var none = await agent1.GetJsonAsync(RecordingOf("r.none"), HttpStatusCode.NotFound);

        Assert.Equal("The recording file is missing", gone["title"]!.GetValue<string>());
        Assert.Equal("The call has no recording.", none["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("r.parent")]
    [InlineData("r.parent2")]
    [InlineData("r.link")]
    [InlineData("r.uplink")]
    public async Task A_name_that_leads_out_of_the_folder_is_never_served(string pbxCallId)
    {
        using var admin = await Server.SignInAsync("admin");

        var answer = await admin.GetJsonAsync(RecordingOf(pbxCallId), HttpStatusCode.NotFound);

        Assert.Equal("The recording file is missing", answer["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("agent2", "r.spool")]
    [InlineData("night", "r.spool")]
    [InlineData("agent1", "r.102")]
    public async Task A_user_who_may_not_read_the_call_gets_404_as_for_no_call(string login, string pbxCallId)
    {
        using var client = login == "night" ? Server.CreateClient(await Server.LoginAsync("night", "night-password")) : await Server.SignInAsync(login);

        var answer = await client.GetJsonAsync(RecordingOf(pbxCallId), HttpStatusCode.NotFound);

        Assert.Equal("No such call.", answer["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_later_save_that_does_not_name_the_recording_keeps_it()
    {
        var again = Incoming("r.spool", "101", "+74951234567", Noon).Answered(Noon.AddSeconds(2)).Ended(Noon.AddSeconds(30), CallEndReason.Completed);
        await Server.Get<CallLog>().SaveAsync(again, Noon.AddMinutes(2), Timeouts.Token()).WithTimeout();
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = await agent1.GetAsync(RecordingOf("r.spool"), Timeouts.Token()).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresRecordingApiTests(PostgresRecordingsFixture fixture) : RecordingApiTests(fixture), IClassFixture<PostgresRecordingsFixture>;

public sealed class SqliteRecordingApiTests(SqliteRecordingsFixture fixture) : RecordingApiTests(fixture), IClassFixture<SqliteRecordingsFixture>;
