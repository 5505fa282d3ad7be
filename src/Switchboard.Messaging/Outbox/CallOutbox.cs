using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Outbox;

/// <summary>
/// The durable outbox between the Messaging Service and the CRM. Every save is written to disk
/// before it is sent and forgotten only when the CRM confirmed it, so a CRM that is down, slow or
/// restarting, or a Messaging Service that is killed, loses no call: what waits is sent after the
/// next start. Only the latest state of each call (PBX call id and line) waits; an older one is
/// superseded. While the CRM does not answer, sending backs off with jitter and tries forever,
/// and the outage is logged once. A save the CRM refuses as malformed is kept in <c>rejected/</c>.
/// </summary>
public sealed partial class CallOutbox : BackgroundService
{
    // Saves of different calls go out side by side; one call's saves never do (its order matters).
    private const int Concurrency = 16;
    private const int MaxBatch = 1000;

    private readonly ICallLogWriter _writer;
    private readonly MessagingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CallOutbox> _logger;
    private readonly Channel<PendingSave> _incoming = Channel.CreateUnbounded<PendingSave>(new() { SingleReader = true });
    private readonly Channel<SaveConfirmed> _confirmed = Channel.CreateUnbounded<SaveConfirmed>(new() { SingleReader = true });
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly Dictionary<CallKey, Slot> _slots = [];
    private readonly Queue<CallKey> _ready = new();
    private readonly Dictionary<long, int> _segmentUsers = [];
    private OutboxFolder? _folder;
    private long _nextSequence = 1;

    public CallOutbox(ICallLogWriter writer, IOptions<MessagingOptions> options, TimeProvider time, ILogger<CallOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _writer = writer;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many calls have a save waiting for the CRM.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Takes one state of a call; it is written to disk, then sent. Never waits.</summary>
    public void Enqueue(Guid callId, string pbxCallId, string line, CallSaveRequest save) =>
        _incoming.Writer.TryWrite(new PendingSave(callId, pbxCallId, line, save));

    /// <summary>The saves the CRM confirmed, in the order it did.</summary>
    public IAsyncEnumerable<SaveConfirmed> ReadConfirmedAsync(CancellationToken cancellationToken) =>
        _confirmed.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Opens the folder and takes up what waited there, before anything new can arrive.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _folder = new OutboxFolder(_options.OutboxPath, _logger);
        var loaded = _folder.Load();
        lock (_gate)
        {
            foreach (var (segment, entry) in loaded)
            {
                _segmentUsers[segment] = _segmentUsers.GetValueOrDefault(segment) + 1;
                Take(entry, segment);
                _nextSequence = Math.Max(_nextSequence, entry.Sequence + 1);
            }
        }

        LogOpened(_folder.Path, PendingCount);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _folder?.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PersistLoopAsync(stoppingToken), SendLoopAsync(stoppingToken));

    private async Task PersistLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var batch = new List<PendingSave>();
        try
        {
            while (await _incoming.Reader.WaitToReadAsync(cancellationToken))
            {
                Drain(batch);
                await PersistAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued goes to disk once more, to be sent after the next start.
            Drain(batch);
            try
            {
                if (batch.Count > 0)
                {
                    WriteBatch(batch);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                LogDiskFailed(error, _folder!.Path);
            }
        }
    }

    private void Drain(List<PendingSave> batch)
    {
        while (batch.Count < MaxBatch && _incoming.Reader.TryRead(out var save))
        {
            batch.Add(save);
        }
    }

    // Writes the batch, trying again while the disk refuses (full, read-only), then hands it to the sender.
    private async Task PersistAsync(List<PendingSave> batch, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                WriteBatch(batch);
                return;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                if (failures == 1)
                {
                    LogDiskFailed(error, _folder!.Path);
                }

                await Task.Delay(RetryDelay.After(failures, _options.OutboxMaxRetryDelay), _time, cancellationToken);
            }
        }
    }

    private void WriteBatch(List<PendingSave> batch)
    {
        // Within one batch only the last state of each call matters.
        var latest = new Dictionary<CallKey, PendingSave>();
        foreach (var save in batch)
        {
            latest[new CallKey(save.PbxCallId, save.Line)] = save;
        }

        var first = _nextSequence;
        var entries = latest.Values
            .Select((s, i) => new OutboxEntry(first + i, s.CallId, s.PbxCallId, s.Line, s.Save))
            .ToList();
        _folder!.Write(first, entries);
        _nextSequence = first + entries.Count;

        lock (_gate)
        {
            _segmentUsers[first] = entries.Count;
            foreach (var entry in entries)
            {
                Take(entry, first);
            }
        }

        _wake.Writer.TryWrite(true);
    }

    // Under the lock: the entry becomes its call's latest; an older one waiting is superseded.
    private void Take(OutboxEntry entry, long segment)
    {
        if (_slots.TryGetValue(entry.Key, out var slot))
        {
            if (slot.Latest.Sequence > entry.Sequence)
            {
                Release(segment);
                return;
            }

            Release(slot.Segment);
            slot.Latest = entry;
            slot.Segment = segment;
            MakeReady(entry.Key, slot);
            return;
        }

        slot = new Slot(entry, segment);
        _slots[entry.Key] = slot;
        MakeReady(entry.Key, slot);
    }

    private void MakeReady(CallKey key, Slot slot)
    {
        if (!slot.InFlight && !slot.Queued)
        {
            slot.Queued = true;
            _ready.Enqueue(key);
        }
    }

    // Under the lock: a batch file is deleted once none of its entries waits any more.
    private void Release(long segment)
    {
        var users = _segmentUsers.GetValueOrDefault(segment) - 1;
        if (users > 0)
        {
            _segmentUsers[segment] = users;
            return;
        }

        _segmentUsers.Remove(segment);
        _folder!.Delete(segment);
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wave = TakeReady();
            if (wave.Count == 0)
            {
                await _wake.Reader.ReadAsync(cancellationToken);
                continue;
            }

            var errors = await Task.WhenAll(wave.Select(entry => SendAsync(entry, cancellationToken)));
            var error = errors.FirstOrDefault(e => e is not null);
            if (error is null)
            {
                if (failures > 0)
                {
                    LogCrmBack(PendingCount);
                }

                failures = 0;
                continue;
            }

            if (++failures == 1)
            {
                LogCrmUnavailable(error, PendingCount);
            }

            await Task.Delay(RetryDelay.After(failures, _options.OutboxMaxRetryDelay), _time, cancellationToken);
        }
    }

    private List<OutboxEntry> TakeReady()
    {
        lock (_gate)
        {
            var wave = new List<OutboxEntry>(Math.Min(Concurrency, _ready.Count));
            while (wave.Count < Concurrency && _ready.TryDequeue(out var key))
            {
                if (_slots.TryGetValue(key, out var slot) && slot.Queued)
                {
                    slot.Queued = false;
                    slot.InFlight = true;
                    wave.Add(slot.Latest);
                }
            }

            return wave;
        }
    }

    // Sends one entry; returns the error when the CRM could not be reached or did not confirm.
    private async Task<Exception?> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var recordId = await _writer.SaveAsync(entry.PbxCallId, entry.Line, entry.Save, cancellationToken);
            Finish(entry);
            _confirmed.Writer.TryWrite(new SaveConfirmed(entry.CallId, entry.PbxCallId, entry.Line, recordId));
            return null;
        }
        catch (CallSaveRefusedException refused)
        {
            return Refuse(entry, refused);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the entry stays on disk for the next start.
            return null;
        }
        catch (Exception error)
        {
            Retry(entry);
            return error;
        }
    }

    private Exception? Refuse(OutboxEntry entry, CallSaveRefusedException refused)
    {
        try
        {
            _folder!.Reject(entry, refused.Message, _time.GetUtcNow());
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not kept anywhere else yet: it stays in the outbox and is tried again.
            Retry(entry);
            return error;
        }

        LogRefused(entry.Key, _folder!.Path, refused.Message);
        Finish(entry);
        return null;
    }

    private void Finish(OutboxEntry sent)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue(sent.Key, out var slot))
            {
                return;
            }

            slot.InFlight = false;
            if (slot.Latest.Sequence == sent.Sequence)
            {
                _slots.Remove(sent.Key);
                Release(slot.Segment);
            }
            else
            {
                // A newer state arrived meanwhile; it goes next.
                MakeReady(sent.Key, slot);
            }
        }

        _wake.Writer.TryWrite(true);
    }

    private void Retry(OutboxEntry sent)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(sent.Key, out var slot))
            {
                slot.InFlight = false;
                MakeReady(sent.Key, slot);
            }
        }
    }

    private sealed record PendingSave(Guid CallId, string PbxCallId, string Line, CallSaveRequest Save);

    private sealed class Slot(OutboxEntry latest, long segment)
    {
        public OutboxEntry Latest { get; set; } = latest;

        public long Segment { get; set; } = segment;

        /// <summary>In the ready queue.</summary>
        public bool Queued { get; set; }

        /// <summary>A save of this call is on its way to the CRM.</summary>
        public bool InFlight { get; set; }
    }

    [LoggerMessage(1, LogLevel.Information, "Outbox {Path} opened; {Pending} calls have saves waiting from before")]
    private partial void LogOpened(string path, int pending);

    [LoggerMessage(2, LogLevel.Warning, "The CRM does not confirm saves; {Pending} calls wait in the outbox and are retried until it does")]
    private partial void LogCrmUnavailable(Exception error, int pending);

    [LoggerMessage(3, LogLevel.Information, "The CRM confirms saves again; {Pending} calls still wait in the outbox")]
    private partial void LogCrmBack(int pending);

    [LoggerMessage(4, LogLevel.Error, "The CRM refused the save of call {Call} as malformed; kept in {Path}/rejected: {Reason}")]
    private partial void LogRefused(CallKey call, string path, string reason);

    [LoggerMessage(5, LogLevel.Error, "The outbox {Path} cannot be written; saves are kept in memory and written when it can")]
    private partial void LogDiskFailed(Exception error, string path);
}
