using Microsoft.EntityFrameworkCore;
using Switchboard.Crm.Data;

namespace Switchboard.Crm.Users;

/// <summary>
/// Who owns each line, read once and then kept for a few seconds: every batch of saves stamps its
/// rows with their lines' owners, and every caller lookup first asks whether the number is a line;
/// asking the database each time cost a round trip in both. Changes made here (user
/// administration) take effect at once; changes made by another CRM process within <see cref="KeptFor"/>.
/// </summary>
public sealed class LineOwners(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyDictionary<string, LineOwner>> GetAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_snapshot is { } fresh && time.GetUtcNow() - fresh.ReadAt < KeptFor)
        {
            return fresh.Owners;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } readMeanwhile && time.GetUtcNow() - readMeanwhile.ReadAt < KeptFor)
            {
                return readMeanwhile.Owners;
            }

            var readAt = time.GetUtcNow();
            var owners = await db.Lines.AsNoTracking()
                .Select(l => new { l.Number, l.UserId, l.User!.DisplayName })
                .ToDictionaryAsync(l => l.Number, l => new LineOwner(l.UserId, l.DisplayName), StringComparer.Ordinal, cancellationToken);
            _snapshot = new Snapshot(owners, readAt);
            return owners;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Forgets what it read: the next batch reads the owners again.</summary>
    public void Forget() => _snapshot = null;

    public void Dispose() => _reading.Dispose();

    private sealed record Snapshot(IReadOnlyDictionary<string, LineOwner> Owners, DateTimeOffset ReadAt);
}

/// <summary>The user who owns a line, by id and by the name colleagues know them by.</summary>
public sealed record LineOwner(Guid UserId, string DisplayName);
