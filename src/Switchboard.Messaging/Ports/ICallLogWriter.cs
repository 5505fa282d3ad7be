using Switchboard.Contracts;

namespace Switchboard.Messaging.Ports;

/// <summary>
/// Saves one state of a call to the log, idempotently by its key (<paramref name="pbxCallId"/>, <paramref name="line"/>),
/// and returns the row's id. The CRM answers: in process, or over HTTP in the messaging role.
/// </summary>
/// <remarks>
/// Throws <see cref="CallSaveRefusedException"/> when the CRM refuses the save as it stands (sending it
/// again cannot succeed); any other failure is taken as passing, and the save is tried again later.
/// </remarks>
public interface ICallLogWriter
{
    Task<Guid> SaveAsync(string pbxCallId, string line, CallSaveRequest save, CancellationToken cancellationToken);
}
