using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Ports;

/// <summary>Saves a call to the log, idempotently by its key; returns the row's id. The CRM answers.</summary>
public interface ICallLogWriter
{
    Task<Guid> SaveAsync(Call call, DateTimeOffset now, CancellationToken cancellationToken);
}
