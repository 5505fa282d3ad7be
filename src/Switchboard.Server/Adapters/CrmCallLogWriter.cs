using Switchboard.Crm.Calls;
using Switchboard.Messaging.Mapping;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Calls;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service saves calls straight into the in-process CRM's log, as the HTTP save would.</summary>
internal sealed class CrmCallLogWriter(CallLog log) : ICallLogWriter
{
    public Task<Guid> SaveAsync(Call call, DateTimeOffset now, CancellationToken cancellationToken) =>
        log.SaveAsync(call.PbxCallId, call.Line, CallSaveMapper.ToSaveRequest(call, now), cancellationToken);
}
