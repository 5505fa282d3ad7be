using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Data;
using Switchboard.Crm.Tests.Infrastructure;
using Switchboard.Telephony.Calls;
using static Switchboard.Crm.Tests.Infrastructure.TestCalls;

namespace Switchboard.Crm.Tests.Calls;

/// <summary>Saving calls, on each database engine.</summary>
public abstract class CallLogTests(CrmTestDatabase engine) : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    protected CallLog Log => _host.Get<CallLog>();

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync(engine, demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Guid> SaveAsync(Call call, DateTimeOffset now) =>
        _host.Get<CallLog>().SaveAsync(call, now, Timeouts.Token()).WithTimeout();

    private async Task<List<CallRecord>> RowsAsync()
    {
        await using var db = _host.CreateDbContext();
        return await db.CallRecords.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync(Timeouts.Token()).WithTimeout();
    }

    [Fact]
    public async Task Saving_the_same_call_twice_keeps_one_row()
    {
        var ringing = Incoming("1700000000.1", "101", "+74951234567", Noon);
        var answered = ringing.Answered(Noon.AddSeconds(4));

        var first = await SaveAsync(ringing, Noon.AddSeconds(1));
        var second = await SaveAsync(answered, Noon.AddSeconds(5));
        var retried = await SaveAsync(answered, Noon.AddSeconds(5));

        Assert.Equal(first, second);
        Assert.Equal(first, retried);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(CallState.Connected, row.State);
        Assert.Equal(Noon.AddSeconds(4), row.AnsweredAt);
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_call_keep_one_row()
    {
        var call = Incoming("1700000000.2", "101", "+74951234567", Noon);

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => SaveAsync(call with { CallerName = $"attempt {i}" }, Noon.AddSeconds(1)))));

        Assert.Single(ids.Distinct());
        Assert.Equal(ids[0], Assert.Single(await RowsAsync()).Id);
    }

    [Fact]
    public async Task The_same_call_id_on_two_lines_is_two_rows()
    {
        // A call transferred from 101 to 102 keeps its PBX id; each line has its own row.
        var onA = Incoming("1700000000.3", "101", "+74951234567", Noon).Ended(Noon.AddSeconds(30), CallEndReason.Transferred);
        var onB = Incoming("1700000000.3", "102", "+74951234567", Noon.AddSeconds(25)) with { RedirectedFrom = "101" };

        var a = await SaveAsync(onA, Noon.AddSeconds(30));
        var b = await SaveAsync(onB, Noon.AddSeconds(30));

        Assert.NotEqual(a, b);
        Assert.Equal(2, (await RowsAsync()).Count);
    }

    [Fact]
    public async Task Durations_are_stored_in_whole_seconds()
    {
        var answered = Incoming("1700000000.4", "101", "+74951234567", Noon).Answered(Noon.AddSeconds(5.7));
        var call = answered with { CompletedHoldTime = TimeSpan.FromSeconds(10.2) };
        var ended = call.Ended(Noon.AddSeconds(70.9), CallEndReason.Completed);

        await SaveAsync(ended, Noon.AddMinutes(5));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(5, row.TimeBeforeConnectionSeconds);
        Assert.Equal(70, row.DurationSeconds);
        Assert.Equal(10, row.HoldSeconds);
        Assert.Equal(55, row.TalkSeconds); // 70.9 - 5.7 - 10.2 = 55.0
        Assert.Equal(CallEndReason.Completed, row.EndReason);
        Assert.Equal(Noon.AddSeconds(70.9), row.EndedAt);
    }

    [Fact]
    public async Task An_active_call_is_measured_at_the_moment_of_saving()
    {
        var call = Incoming("1700000000.5", "101", "+74951234567", Noon).Answered(Noon.AddSeconds(3)) with
        {
            State = CallState.Held,
            CompletedHoldTime = TimeSpan.FromSeconds(4),
            HeldSince = Noon.AddSeconds(20),
        };

        await SaveAsync(call, Noon.AddSeconds(31.5));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(31, row.DurationSeconds);
        Assert.Equal(15, row.HoldSeconds); // 4 s before plus 11.5 s now
        Assert.Equal(13, row.TalkSeconds); // 28.5 s connected less 15.5 s held
        Assert.Null(row.EndedAt);
    }

    [Fact]
    public async Task A_consultation_is_linked_to_its_parent_row()
    {
        var parent = Incoming("1700000000.6", "101", "+74951234567", Noon).Answered(Noon.AddSeconds(2));
        var consultation = Outgoing("1700000000.7", "101", "102", Noon.AddSeconds(10)) with
        {
            Direction = CallDirection.Internal,
            ParentPbxCallId = parent.PbxCallId,
        };

        var parentId = await SaveAsync(parent, Noon.AddSeconds(10));
        var consultationId = await SaveAsync(consultation, Noon.AddSeconds(11));

        var rows = await RowsAsync();
        Assert.Equal(parentId, rows.Single(r => r.Id == consultationId).ParentCallId);
        Assert.Equal(parent.PbxCallId, rows.Single(r => r.Id == consultationId).ParentPbxCallId);
    }

    [Fact]
    public async Task A_consultation_saved_before_its_parent_is_linked_when_the_parent_arrives()
    {
        var parent = Incoming("1700000000.8", "101", "+74951234567", Noon).Answered(Noon.AddSeconds(2));
        var consultation = Outgoing("1700000000.9", "101", "102", Noon.AddSeconds(10)) with { ParentPbxCallId = parent.PbxCallId };

        var consultationId = await SaveAsync(consultation, Noon.AddSeconds(11));
        Assert.Null((await RowsAsync()).Single().ParentCallId);
        var parentId = await SaveAsync(parent, Noon.AddSeconds(12));

        Assert.Equal(parentId, (await RowsAsync()).Single(r => r.Id == consultationId).ParentCallId);
    }

    [Fact]
    public async Task A_row_belongs_to_the_owner_of_its_line()
    {
        await SaveAsync(Incoming("1700000001.1", "102", "+74951234567", Noon), Noon);
        await SaveAsync(Incoming("1700000001.2", "199", "+74951234567", Noon.AddSeconds(1)), Noon);

        await using var db = _host.CreateDbContext();
        var agent2 = await db.Users.SingleAsync(u => u.Login == "agent2", Timeouts.Token()).WithTimeout();
        var rows = await RowsAsync();
        Assert.Equal(agent2.Id, rows.Single(r => r.Line == "102").UserId);
        Assert.Null(rows.Single(r => r.Line == "199").UserId);
    }

    [Fact]
    public async Task The_chosen_contact_and_account_are_linked_and_kept_when_a_later_snapshot_has_no_match()
    {
        var candidates = await _host.Get<Switchboard.Crm.Contacts.CallerLookup>()
            .LookupAsync("+74951234567", Timeouts.Token()).WithTimeout();
        var call = Incoming("1700000001.3", "101", "+74951234567", Noon) with { CallerMatch = CallerMatch.From(candidates) };

        await SaveAsync(call, Noon);
        await SaveAsync(call.Answered(Noon.AddSeconds(3)) with { CallerMatch = CallerMatch.None }, Noon.AddSeconds(3));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(candidates[0].ContactId, row.ContactId);
        Assert.Equal(candidates[0].AccountId, row.AccountId);
    }

    [Fact]
    public async Task A_late_snapshot_of_an_active_call_does_not_reopen_a_finished_row()
    {
        var ringing = Incoming("1700000001.4", "101", "+74951234567", Noon);
        var missed = ringing.Ended(Noon.AddSeconds(20), CallEndReason.Missed);

        await SaveAsync(missed, Noon.AddSeconds(20));
        await SaveAsync(ringing, Noon.AddSeconds(1));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(CallState.Finished, row.State);
        Assert.Equal(CallEndReason.Missed, row.EndReason);
    }

    [Fact]
    public async Task Moments_are_stored_so_that_the_database_orders_them()
    {
        // Offsets differ; the moments do not sort the way their local clock times would.
        var early = Incoming("1700000001.5", "101", "+74951234567", new DateTimeOffset(2025, 3, 14, 14, 0, 0, TimeSpan.FromHours(3)));
        var late = Incoming("1700000001.6", "101", "+74951234567", new DateTimeOffset(2025, 3, 14, 12, 30, 0, TimeSpan.Zero));

        await SaveAsync(late, Noon);
        await SaveAsync(early, Noon);

        await using var db = _host.CreateDbContext();
        var cutoff = new DateTimeOffset(2025, 3, 14, 11, 30, 0, TimeSpan.Zero);
        var ordered = await db.CallRecords.Where(r => r.StartedAt > cutoff).OrderBy(r => r.StartedAt)
            .Select(r => r.PbxCallId).ToListAsync(Timeouts.Token()).WithTimeout();
        Assert.Equal([late.PbxCallId], ordered); // 14:00+03:00 is 11:00 UTC, before the cutoff
        Assert.Equal(TimeSpan.Zero, (await RowsAsync())[0].StartedAt.Offset);
    }

    [Fact]
    public async Task A_second_row_with_the_same_key_is_recognised_as_a_unique_violation()
    {
        // The race that SaveAsync recovers from, forced: two inserts of one key.
        await SaveAsync(Incoming("1700000001.7", "101", "+74951234567", Noon), Noon);
        await using var db = _host.CreateDbContext();
        db.CallRecords.Add(new CallRecord
        {
            Id = Guid.NewGuid(),
            PbxCallId = "1700000001.7",
            Line = "101",
            ConversationId = "1700000001.7",
            CallerNumber = "+74951234567",
            CalleeNumber = "101",
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Timeouts.Token()).WithTimeout());

        Assert.True(CrmDatabaseProvider.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Moments_written_with_any_offset_are_stored_and_compared_as_the_same_instant()
    {
        // Straight through the context, not the call log: the database layer itself keeps moments in UTC.
        var moscow = TimeSpan.FromHours(3);
        var started = new DateTimeOffset(2025, 3, 14, 15, 0, 0, moscow);
        await using (var db = _host.CreateDbContext())
        {
            db.CallRecords.Add(new CallRecord
            {
                Id = Guid.NewGuid(),
                PbxCallId = "1700000001.8",
                Line = "101",
                ConversationId = "1700000001.8",
                CallerNumber = "+74951234567",
                CalleeNumber = "101",
                StartedAt = started,
                AnsweredAt = started.AddSeconds(5),
                UpdatedAt = started.AddSeconds(5),
            });
            await db.SaveChangesAsync(Timeouts.Token()).WithTimeout();
        }

        await using var check = _host.CreateDbContext();
        var from = new DateTimeOffset(2025, 3, 14, 14, 59, 0, moscow);
        var to = new DateTimeOffset(2025, 3, 14, 12, 1, 0, TimeSpan.Zero);
        var row = await check.CallRecords.SingleAsync(r => r.StartedAt >= from && r.StartedAt < to, Timeouts.Token()).WithTimeout();
        Assert.Equal(Noon, row.StartedAt);
        Assert.Equal(TimeSpan.Zero, row.StartedAt.Offset);
        Assert.Equal(Noon.AddSeconds(5), row.AnsweredAt);
    }
}

public sealed class SqliteCallLogTests() : CallLogTests(SqliteTestDatabase.Instance)
{
    [Fact]
    public void Saves_go_to_sqlite_in_one_lane_since_it_lets_one_writer_in_at_a_time() => Assert.Equal(1, Log.LaneCount);
}

[Collection(SharedPostgresCluster.Name)]
public sealed class PostgresCallLogTests(PostgresCluster cluster) : CallLogTests(cluster)
{
    [Fact]
    public void Saves_go_to_postgres_in_lanes_side_by_side() => Assert.Equal(CallLog.Lanes, Log.LaneCount);
}
