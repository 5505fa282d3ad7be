using System.Net;
using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;

namespace Switchboard.Crm.Tests.Api;

/// <summary>
/// <c>PUT /api/calls/pbx/{pbxCallId}/{line}</c>: the one save, used by the Messaging Service in its
/// own role and by the web phone. Idempotent by its key, checked, and written only by the line's owner.
/// </summary>
public abstract class CallSaveApiTests(CallsSectionFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 30, 0, TimeSpan.FromHours(3));

    private CrmTestServer Server => fixture.Server;

    private static CallSaveRequest Ringing(string from = "+74951234567", string line = "101") => new()
    {
        ConversationId = "conv",
        Direction = CallDirection.Incoming,
        CallerNumber = from,
        CalleeNumber = line,
        State = CallState.Alerting,
        StartedAt = Start,
    };

    private static CallSaveRequest Finished(CallSaveRequest call) => call with
    {
        State = CallState.Finished,
        AnsweredAt = Start.AddSeconds(5),
        EndedAt = Start.AddSeconds(65),
        TimeBeforeConnectionSeconds = 5,
        DurationSeconds = 65,
        TalkSeconds = 60,
        EndReason = CallEndReason.Completed,
    };

    private async Task<List<CallRecord>> RowsAsync(string pbxCallId)
    {
        await using var db = await Server.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Timeouts.Token()).WithTimeout();
        return await db.CallRecords.AsNoTracking().Where(r => r.PbxCallId == pbxCallId).ToListAsync(Timeouts.Token()).WithTimeout();
    }

    private static async Task<Guid> SaveAsync(HttpClient client, string pbxCallId, string line, CallSaveRequest call)
    {
        using var answer = (await client.PutJsonAsync($"/api/calls/pbx/{pbxCallId}/{line}", call)).Expect(HttpStatusCode.OK);
        return answer.Body!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Every_state_of_a_call_and_every_retry_lands_in_one_row_in_utc_with_whole_seconds()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var ringing = Ringing();
        var connected = ringing with { State = CallState.Connected, AnsweredAt = Start.AddSeconds(5), TimeBeforeConnectionSeconds = 5, DurationSeconds = 5 };

        var ids = new[]
        {
            await SaveAsync(agent1, "put.1", "101", ringing),
            await SaveAsync(agent1, "put.1", "101", connected),
            await SaveAsync(agent1, "put.1", "101", Finished(ringing)),
            await SaveAsync(agent1, "put.1", "101", Finished(ringing)),
        };

        Assert.Single(ids.Distinct());
        var row = Assert.Single(await RowsAsync("put.1"));
        Assert.Equal(ids[0], row.Id);
        Assert.Equal(Telephony.Calls.CallState.Finished, row.State);
        Assert.Equal(Start.UtcDateTime, row.StartedAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, row.StartedAt.Offset);
        Assert.Equal(65, row.DurationSeconds);
        Assert.Equal(60, row.TalkSeconds);
        Assert.Equal(fixture.UserId("agent1"), row.UserId);

        var card = await agent1.GetJsonAsync($"/api/calls/{row.Id}");
        Assert.Equal("completed", card["endReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Administrators_list_the_open_calls_as_their_last_save_left_them_and_agents_are_refused()
    {
        using var admin = await Server.SignInAsync("admin");
        using var agent1 = await Server.SignInAsync("agent1");
        var connected = Ringing() with { State = CallState.Connected, AnsweredAt = Start.AddSeconds(5), HoldSeconds = 7 };
        await SaveAsync(agent1, "open.1", "101", connected);
        await SaveAsync(agent1, "open.2", "101", Finished(Ringing()));

        var open = (await admin.GetJsonAsync("/api/calls/open")).AsArray();

        var item = Assert.Single(open, i => i!["pbxCallId"]!.GetValue<string>() == "open.1")!;
        Assert.Equal("101", item["line"]!.GetValue<string>());
        Assert.Equal("connected", item["call"]!["state"]!.GetValue<string>());
        Assert.Equal(Start.AddSeconds(5), item["call"]!["answeredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(7, item["call"]!["holdSeconds"]!.GetValue<int>());
        Assert.DoesNotContain(open, i => i!["pbxCallId"]!.GetValue<string>() == "open.2");
        using var refused = (await agent1.GetAnswerAsync("/api/calls/open")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_save_of_the_active_call_that_arrives_after_its_end_changes_nothing()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        await SaveAsync(agent1, "put.2", "101", Finished(Ringing()));

        await SaveAsync(agent1, "put.2", "101", Ringing());

        var row = Assert.Single(await RowsAsync("put.2"));
        Assert.Equal(Telephony.Calls.CallState.Finished, row.State);
        Assert.Equal(65, row.DurationSeconds);
    }

    [Fact]
    public async Task An_agent_saving_a_call_of_someone_elses_line_is_refused_and_nothing_is_written()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = (await agent1.PutJsonAsync("/api/calls/pbx/put.3/102", Ringing(line: "102"))).Expect(HttpStatusCode.Forbidden);

        Assert.Empty(await RowsAsync("put.3"));
    }

    [Fact]
    public async Task An_administrator_saves_the_calls_of_any_line()
    {
        using var admin = await Server.SignInAsync("admin");

        await SaveAsync(admin, "put.4", "102", Ringing(line: "102"));

        var row = Assert.Single(await RowsAsync("put.4"));
        Assert.Equal(fixture.UserId("agent2"), row.UserId);
    }

    [Fact]
    public async Task Saving_without_signing_in_is_401()
    {
        using var anonymous = Server.CreateClient();

        using var answer = (await anonymous.PutJsonAsync("/api/calls/pbx/put.5/101", Ringing())).Expect(HttpStatusCode.Unauthorized);

        Assert.Empty(await RowsAsync("put.5"));
    }

    [Theory]
    [InlineData("\"state\":\"flying\"", null)]
    [InlineData("\"state\":9", "state")]
    [InlineData("\"durationSeconds\":-4", "durationSeconds")]
    [InlineData("\"answeredAt\":\"2025-06-02T06:29:00Z\"", "answeredAt")]
    [InlineData("\"state\":\"finished\"", "state")]
    [InlineData("\"callerName\":\"a\\u0000b\"", "callerName")]
    [InlineData("\"conversationId\":\"\"", "conversationId")]
    public async Task A_malformed_save_is_400_and_writes_nothing(string change, string? field)
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var body = $$"""
            {"conversationId":"c","direction":"incoming","callerNumber":"+74951234567","calleeNumber":"101",
             "state":"alerting","startedAt":"2025-06-02T06:30:00Z",{{change}}}
            """;

        using var answer = (await agent1.PutRawJsonAsync("/api/calls/pbx/put.6/101", body)).Expect(HttpStatusCode.BadRequest);

        if (field is not null)
        {
            Assert.NotNull(answer.ErrorsAbout(field));
        }

        Assert.Empty(await RowsAsync("put.6"));
    }

    [Fact]
    public async Task A_key_longer_than_its_column_is_400()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var answer = (await agent1.PutJsonAsync($"/api/calls/pbx/{new string('9', 300)}/101", Ringing())).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(answer.ErrorsAbout("pbxCallId"));
    }

    [Fact]
    public async Task A_save_naming_a_contact_or_an_account_that_does_not_exist_is_400_and_writes_nothing()
    {
        using var agent1 = await Server.SignInAsync("agent1");

        using var noContact = (await agent1.PutJsonAsync("/api/calls/pbx/put.nocontact/101", Ringing() with { ContactId = Guid.NewGuid() }))
            .Expect(HttpStatusCode.BadRequest);
        using var noAccount = (await agent1.PutJsonAsync(
            "/api/calls/pbx/put.noaccount/101",
            Ringing() with { ContactId = fixture.ContactId("Olga Smirnova"), AccountId = Guid.NewGuid() })).Expect(HttpStatusCode.BadRequest);

        Assert.NotNull(noContact.ErrorsAbout("contactId"));
        Assert.NotNull(noAccount.ErrorsAbout("accountId"));
        Assert.Null(noAccount.ErrorsAbout("contactId"));
        Assert.Empty(await RowsAsync("put.nocontact"));
        Assert.Empty(await RowsAsync("put.noaccount"));
    }

    [Fact]
    public async Task A_link_made_by_hand_survives_a_later_save_that_carries_the_automatic_match()
    {
        using var agent1 = await Server.SignInAsync("agent1");
        var automatic = Ringing() with { ContactId = fixture.ContactId("Olga Smirnova"), AccountId = fixture.AccountId("Vector Ltd") };
        var id = await SaveAsync(agent1, "put.7", "101", automatic);
        (await agent1.PutJsonAsync($"/api/calls/{id}/link", new { contactId = fixture.ContactId("Maria Orlova") })).Expect(HttpStatusCode.OK).Dispose();

        // A retry from an outbox, sent before the user's link and delivered after it.
        await SaveAsync(agent1, "put.7", "101", Finished(automatic));

        var row = Assert.Single(await RowsAsync("put.7"));
        Assert.Equal(fixture.ContactId("Maria Orlova"), row.ContactId);
        Assert.True(row.LinkedManually);
        Assert.Equal(Telephony.Calls.CallState.Finished, row.State);
    }

    [Fact]
    public async Task Many_saves_at_once_with_repeats_and_consultations_before_their_parents_make_one_row_per_call()
    {
        using var agent2 = await Server.SignInAsync("agent2");
        var saves = new List<Task<Guid>>();
        for (var i = 0; i < 60; i++)
        {
            var parent = $"burst.{i}";
            var consultation = Ringing(line: "102") with { Direction = CallDirection.Outgoing, CallerNumber = "102", CalleeNumber = "101", ParentPbxCallId = parent };
            saves.Add(SaveAsync(agent2, $"burst.{i}.c", "102", consultation));
            saves.Add(SaveAsync(agent2, parent, "102", Ringing(line: "102")));
            saves.Add(SaveAsync(agent2, parent, "102", Ringing(line: "102")));
        }

        await Task.WhenAll(saves).WithTimeout();

        await using var db = await Server.Get<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(Timeouts.Token()).WithTimeout();
        var rows = await db.CallRecords.AsNoTracking().Where(r => r.PbxCallId.StartsWith("burst.")).ToListAsync(Timeouts.Token()).WithTimeout();
        Assert.Equal(120, rows.Count);
        var parents = rows.Where(r => r.ParentPbxCallId is null).ToDictionary(r => r.PbxCallId, r => r.Id);
        Assert.All(rows.Where(r => r.ParentPbxCallId is not null), c => Assert.Equal(parents[c.ParentPbxCallId!], c.ParentCallId));
    }
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallSaveApiTests(PostgresCallsSectionFixture fixture) : CallSaveApiTests(fixture), IClassFixture<PostgresCallsSectionFixture>;

public sealed class SqliteCallSaveApiTests(SqliteCallsSectionFixture fixture) : CallSaveApiTests(fixture), IClassFixture<SqliteCallsSectionFixture>;
