using Switchboard.Crm.Calls;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Calls;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service saves calls straight into the in-process CRM's log.</summary>
internal sealed class CrmCallLogWriter(CallLog log) : ICallLogWriter
{
    public Task<Guid> SaveAsync(Call call, DateTimeOffset now, CancellationToken cancellationToken) =>
        log.SaveAsync(call, now, cancellationToken);
}
