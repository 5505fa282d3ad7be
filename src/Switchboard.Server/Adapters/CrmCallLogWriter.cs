using Switchboard.Contracts;
using Switchboard.Crm.Calls;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>
/// The Messaging Service saves calls straight into the in-process CRM's log, as the HTTP save would
/// (the outbox maps each call with <c>CallSaveMapper</c>, the same in every role).
/// </summary>
internal sealed class CrmCallLogWriter(CallLog log) : ICallLogWriter
{
    public async Task<Guid> SaveAsync(string pbxCallId, string line, CallSaveRequest save, CancellationToken cancellationToken)
    {
        try
        {
            return await log.SaveAsync(pbxCallId, line, save, cancellationToken);
        }
        catch (CallSaveRejectedException rejected)
        {
            // The HTTP save's 400: sending it again cannot succeed.
            throw new CallSaveRefusedException(rejected.Message, rejected);
        }
    }
}
