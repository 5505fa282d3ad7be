using Switchboard.Contracts;
using Switchboard.Crm.Calls;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service reads the in-process CRM's open calls, as <c>GET /api/calls/open</c> would.</summary>
internal sealed class CrmOpenCallReader(OpenCalls open) : IOpenCallReader
{
    public Task<IReadOnlyList<OpenCall>> ListOpenAsync(CancellationToken cancellationToken) => open.ListAsync(cancellationToken);
}
