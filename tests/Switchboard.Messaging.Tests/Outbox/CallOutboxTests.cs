using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;

namespace Switchboard.Messaging.Tests.Outbox;

public class CallOutboxTests
{
    [Fact]
    public async Task Saves_wait_on_disk_while_the_CRM_is_down_and_go_out_after_a_restart()
    {
        await using var harness = new OutboxHarness();
        harness.Crm.Behaviour = _ => FakeCrm.Down();
        var first = await harness.StartAsync();
        var calls = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        for (var i = 0; i < calls.Length; i++)
        {
            first.Enqueue(calls[i], $"sim-{i}", "101", OutboxHarness.Save(CallState.Finished));
        }

        await OutboxHarness.UntilAsync(() => harness.Crm.Attempts.Select(a => a.PbxCallId).Distinct().Count() == calls.Length);
        Assert.Equal(calls.Length, first.PendingCount);
        await harness.StopAsync(first);
        Assert.NotEmpty(harness.FilesIn());

        harness.Crm.Behaviour = _ => null;
        var second = await harness.StartAsync();
        var confirmed = await OutboxHarness.ConfirmedAsync(second, calls.Length);

        Assert.Equal(calls.Order(), confirmed.Select(c => c.CallId).Order());
        await OutboxHarness.UntilAsync(() => second.PendingCount == 0 && harness.FilesIn().Length == 0);
    }

    [Fact]
    public async Task Only_the_latest_state_of_a_call_waits()
    {
        await using var harness = new OutboxHarness();
        harness.Crm.Behaviour = _ => FakeCrm.Down();
        var outbox = await harness.StartAsync();
        var callId = Guid.NewGuid();
        outbox.Enqueue(callId, "sim-7", "101", OutboxHarness.Save(CallState.Alerting));
        await OutboxHarness.UntilAsync(() => harness.Crm.Attempts.Count > 0);
        outbox.Enqueue(callId, "sim-7", "101", OutboxHarness.Save(CallState.Connected));
        outbox.Enqueue(callId, "sim-7", "101", OutboxHarness.Save(CallState.Finished));
        await OutboxHarness.UntilAsync(() => harness.Crm.Attempts.Any(a => a.Save.State == CallState.Finished));
        Assert.Equal(1, outbox.PendingCount);
        await harness.StopAsync(outbox);

        var sentBefore = harness.Crm.Attempts.Count;
        harness.Crm.Behaviour = _ => null;
        var restarted = await harness.StartAsync();
        await OutboxHarness.ConfirmedAsync(restarted, 1);

        var afterRestart = harness.Crm.Attempts.Skip(sentBefore).ToList();
        Assert.Equal(CallState.Finished, Assert.Single(afterRestart).Save.State);
        await OutboxHarness.UntilAsync(() => harness.FilesIn().Length == 0);
    }

    [Fact]
    public async Task A_save_the_CRM_refuses_as_malformed_is_kept_in_rejected_with_the_reason_and_not_sent_again()
    {
        await using var harness = new OutboxHarness();
        harness.Crm.Behaviour = id => id == "sim-bad" ? new CallSaveRefusedException("durationSeconds: Whole seconds, not negative.") : null;
        var outbox = await harness.StartAsync();

        outbox.Enqueue(Guid.NewGuid(), "sim-bad", "101", OutboxHarness.Save(CallState.Finished));
        await OutboxHarness.UntilAsync(() => harness.FilesIn("rejected").Length == 1);
        var good = Guid.NewGuid();
        outbox.Enqueue(good, "sim-good", "101", OutboxHarness.Save(CallState.Finished));

        Assert.Equal(good, Assert.Single(await OutboxHarness.ConfirmedAsync(outbox, 1)).CallId);
        Assert.Single(harness.Crm.Attempts, a => a.PbxCallId == "sim-bad");
        Assert.Contains("Whole seconds, not negative.", await File.ReadAllTextAsync(harness.FilesIn("rejected")[0]));
        Assert.Contains(harness.Log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Whole seconds, not negative.", StringComparison.Ordinal));
        Assert.Equal(0, outbox.PendingCount);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_moved_aside_with_an_error_and_the_rest_is_sent()
    {
        await using var harness = new OutboxHarness();
        harness.Crm.Behaviour = _ => FakeCrm.Down();
        var first = await harness.StartAsync();
        first.Enqueue(Guid.NewGuid(), "sim-1", "101", OutboxHarness.Save(CallState.Finished));
        await OutboxHarness.UntilAsync(() => harness.FilesIn().Length == 1);
        await harness.StopAsync(first);
        await File.WriteAllTextAsync(Path.Combine(harness.Folder, "saves-0000000000000000099.json"), "[{\"sequence\": 99, \"pbxCall");

        harness.Crm.Behaviour = _ => null;
        var restarted = await harness.StartAsync();

        Assert.Equal("sim-1", Assert.Single(await OutboxHarness.ConfirmedAsync(restarted, 1)).PbxCallId);
        Assert.Single(harness.FilesIn("corrupt"));
        Assert.Contains(harness.Log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("saves-0000000000000000099.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_outage_is_logged_once_however_many_tries_it_takes()
    {
        await using var harness = new OutboxHarness();
        var failuresLeft = 5;
        harness.Crm.Behaviour = _ => Interlocked.Decrement(ref failuresLeft) >= 0 ? FakeCrm.Down() : null;
        var outbox = await harness.StartAsync();

        outbox.Enqueue(Guid.NewGuid(), "sim-1", "101", OutboxHarness.Save(CallState.Finished));
        await OutboxHarness.ConfirmedAsync(outbox, 1);

        Assert.True(harness.Crm.Attempts.Count > 5);
        Assert.Single(harness.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("does not confirm", StringComparison.Ordinal));
        Assert.Single(harness.Log.Entries, e => e.Message.Contains("confirms saves again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_outbox_on_the_same_folder_is_refused_at_start()
    {
        await using var harness = new OutboxHarness();
        await harness.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(harness.StartAsync);
        Assert.Contains("Messaging:OutboxPath", error.Message, StringComparison.Ordinal);
    }
}
