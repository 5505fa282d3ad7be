using System.Threading.Channels;

namespace Switchboard.Crm.Calls;

/// <summary>
/// A queue of saves with at most one writer at a time: whoever finds it idle starts the writer,
/// which takes everything queued (up to <see cref="CallLog.MaxBatch"/>) as one batch, and goes on
/// until the queue is empty.
/// </summary>
internal sealed class CallLogLane(Func<List<PendingSave>, Task> write)
{
    private readonly Channel<PendingSave> _queue = Channel.CreateUnbounded<PendingSave>(new() { SingleReader = true });
    private int _writing;

    public void Enqueue(PendingSave pending)
    {
        _queue.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingSave>(CallLog.MaxBatch);
        while (true)
        {
            while (batch.Count < CallLog.MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);

                // A save queued after the last read but before the flag dropped found the writer busy; take it on.
                if (_queue.Reader.Count == 0 || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            await write(batch);
            batch.Clear();
        }
    }
}
