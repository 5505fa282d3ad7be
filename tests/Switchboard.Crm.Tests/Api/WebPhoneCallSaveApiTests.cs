using System.Net;
using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// The call save as the web phone uses it: <c>PUT /api/calls/pbx/{Call-ID}/{line}</c> keyed by the SIP
/// Call-ID, percent-encoded in the URL. Call-IDs are what real SIP stacks make (RFC 3261 allows
/// letters, digits and - . ! % * _ + ` ' ~ ( ) &lt; &gt; : \ " / [ ] ? { } with an optional @host):
/// each is stored as it is, a retry never makes a second row, and only the line's owner writes it.
/// </summary>
public abstract class WebPhoneCallSaveApiTests(CallsSectionFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2025, 6, 3, 10, 0, 0, TimeSpan.Zero);

    private CrmTestServer Server => fixture.Server;

    /// <summary>Call-IDs as SIP stacks make them; the suffix keeps each test's rows apart.</summary>
    public static TheoryData<string> CallIds => new()
    {
        "3ppfcfu7k1nqorhbq6vvd5", // JsSIP and SIP.js: random letters and digits
        "a84b4c76e66710@pc33.atlanta.com", // RFC 3261's example: random part @ host
        "5f8a5a4e-2c1b-4a0e-9a7e-0e1f2d3c4b5a", // Asterisk (PJSIP) and FreeSWITCH: a UUID
        "c3943000-c4a19e9d-5b8b-4f0e@10.0.0.1", // desk phones: hex groups @ their address
        "NjJkMzU0ZjBmNTYyYzQ3Nzk2ZGE3N2E2ZjA0NmE4MjI.", // softphones: base64 with a dot
        "abc%40def@host.example", // a literal percent sign
        "b1!*_+`'~()<>:\\\"[]?{}@[2001:db8::1]", // every other character RFC 3261 allows, and an IPv6 host
        "Ym3ot0nLkE@" + new string('h', 200), // long: near the column's 255 characters
    };

    private static CallSaveRequest Ringing(string line = "101") => new()
    {
        ConversationId = "web-phone",
        Direction = CallDirection.Incoming,
        CallerNumber = "+74951234567",
        CalleeNumber = line,
        State = CallState.Alerting,
        StartedAt = Start,
    };

    private static CallSaveRequest Finished(CallSaveRequest call) => call with
    {
        State = CallState.Finished,
        AnsweredAt = Start.AddSeconds(4),
        EndedAt = Start.AddSeconds(34),
        TimeBeforeConnectionSeconds = 4,
        DurationSeconds = 34,
        TalkSeconds = 30,
        EndReason = CallEndReason.Completed,
    };

    private static string SavePath(string callId, string line) => $"/api/calls/pbx/{Uri.EscapeDataString(callId)}/{line}";

    private async Task<List<CallRecord>> RowsAsync(string callId)
    {
        await using var db = await Server.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Timeouts.Token()).WithTimeout();
        return await db.CallRecords.AsNoTracking().Where(r => r.PbxCallId == callId).ToListAsync(Timeouts.Token()).WithTimeout();
    }

    [Theory]
    [MemberData(nameof(CallIds))]
    public async Task A_sip_call_id_saved_twice_makes_one_row_that_keeps_the_call_id_as_it_is(string sipCallId)
    {
        var callId = sipCallId;
        using var agent1 = await Server.SignInAsync("agent1");

        using var first = (await agent1.PutJsonAsync(SavePath(callId, "101"), Ringing())).Expect(HttpStatusCode.OK);
        using var retry = (await agent1.PutJsonAsync(SavePath(callId, "101"), Finished(Ringing()))).Expect(HttpStatusCode.OK);

        Assert.Equal(first.Body!["id"]!.GetValue<Guid>(), retry.Body!["id"]!.GetValue<Guid>());
        var row = Assert.Single(await RowsAsync(callId));
        Assert.Equal(callId, row.PbxCallId);
        Assert.Equal(30, row.TalkSeconds);
        var card = await agent1.GetJsonAsync($"/api/calls/{row.Id}");
        Assert.Equal(callId, card["pbxCallId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("c2xhc2g/aW4vdGhl+aWQ@host.example")]
    [InlineData("a%2Fb/c%25d@host.example")] // "%" is allowed too: the literal text "%2F" must stay as it is
    public async Task A_call_id_with_a_slash_does_not_split_the_route_and_a_retry_still_makes_one_row(string callId)
    {
        // RFC 3261 allows "/" in a Call-ID (base64-made ones have it). Kestrel leaves %2F undecoded in a
        // path; the endpoint reads the raw segment, so the row's key is the Call-ID itself.
        using var agent1 = await Server.SignInAsync("agent1");

        using var first = (await agent1.PutJsonAsync(SavePath(callId, "101"), Ringing())).Expect(HttpStatusCode.OK);
        using var retry = (await agent1.PutJsonAsync(SavePath(callId, "101"), Finished(Ringing()))).Expect(HttpStatusCode.OK);

        Assert.Equal(first.Body!["id"]!.GetValue<Guid>(), retry.Body!["id"]!.GetValue<Guid>());
        var row = Assert.Single(await RowsAsync(callId));
        Assert.Equal(Telephony.Calls.CallState.Finished, row.State);
        Assert.Equal(callId, row.PbxCallId);
    }

    [Fact]
    public async Task Another_agents_token_can_neither_save_nor_change_the_call()
    {
        const string callId = "k93ndv0s7lq2hzxw4rb1ty@webphone.test";
        using var agent1 = await Server.SignInAsync("agent1");
        using var agent2 = await Server.SignInAsync("agent2");
        (await agent1.PutJsonAsync(SavePath(callId, "101"), Ringing())).Expect(HttpStatusCode.OK).Dispose();

        using var change = (await agent2.PutJsonAsync(SavePath(callId, "101"), Finished(Ringing()))).Expect(HttpStatusCode.Forbidden);
        using var create = (await agent2.PutJsonAsync(SavePath("z0aq1we2rt3yu4io5pa6sd", "101"), Ringing())).Expect(HttpStatusCode.Forbidden);

        var row = Assert.Single(await RowsAsync(callId));
        Assert.Equal(Telephony.Calls.CallState.Alerting, row.State);
        Assert.Equal(fixture.UserId("agent1"), row.UserId);
        Assert.Empty(await RowsAsync("z0aq1we2rt3yu4io5pa6sd"));
    }

    [Fact]
    public async Task The_same_call_id_on_the_owners_other_line_is_refused_to_another_agent_too()
    {
        // The key is the Call-ID and the line: agent2 cannot reach agent1's row through agent2's own line either way.
        const string callId = "q2w3e4r5t6y7u8i9o0p1as@webphone.test";
        using var agent1 = await Server.SignInAsync("agent1");
        using var agent2 = await Server.SignInAsync("agent2");
        (await agent1.PutJsonAsync(SavePath(callId, "101"), Finished(Ringing()))).Expect(HttpStatusCode.OK).Dispose();

        (await agent2.PutJsonAsync(SavePath(callId, "102"), Ringing("102"))).Expect(HttpStatusCode.OK).Dispose();

        var rows = await RowsAsync(callId);
        Assert.Equal(2, rows.Count);
        var agent1Row = Assert.Single(rows, r => r.Line == "101");
        Assert.Equal(Telephony.Calls.CallState.Finished, agent1Row.State);
        Assert.Equal(fixture.UserId("agent1"), agent1Row.UserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"direction":"incoming"}""")]
    [InlineData("""{"conversationId":"c","direction":"sideways","callerNumber":"1","calleeNumber":"101","state":"alerting","startedAt":"2025-06-03T10:00:00Z"}""")]
    [InlineData("""{"conversationId":"c","direction":"incoming","callerNumber":"1","calleeNumber":"101","state":"alerting","startedAt":"yesterday"}""")]
    [InlineData("""{"conversationId":"c","direction":"incoming","callerNumber":"1","calleeNumber":"101","state":"alerting"}""")]
    public async Task A_malformed_body_is_400_and_writes_nothing(string body)
    {
        const string callId = "m4lf0rm3dx9c2v7b1n8q5w@webphone.test";
        using var agent1 = await Server.SignInAsync("agent1");

        (await agent1.PutRawJsonAsync(SavePath(callId, "101"), body)).Expect(HttpStatusCode.BadRequest).Dispose();

        Assert.Empty(await RowsAsync(callId));
    }

    [Fact]
    public async Task A_call_id_with_a_control_character_is_400()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = (await agent1.PutJsonAsync(SavePath("abc\u0001def", "101"), Ringing())).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("pbxCallId"));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresWebPhoneCallSaveApiTests(PostgresCallsSectionFixture fixture) : WebPhoneCallSaveApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteWebPhoneCallSaveApiTests(SqliteCallsSectionFixture fixture) : WebPhoneCallSaveApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
