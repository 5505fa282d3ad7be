using Switchboard.Contracts;

namespace Switchboard.Messaging.Ports;

/// <summary>
/// The calls the log has as not finished (the CRM's <c>GET /api/calls/open</c>, or the in-process CRM),
/// read once after a start to close those the PBX no longer has. A failure is passing: the reader is asked again.
/// </summary>
public interface IOpenCallReader
{
    Task<IReadOnlyList<OpenCall>> ListOpenAsync(CancellationToken cancellationToken);
}
