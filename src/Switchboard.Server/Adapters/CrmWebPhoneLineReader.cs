using Switchboard.Crm.Users;
using Switchboard.Messaging.Ports;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service reads the in-process CRM's web-phone lines, as <c>GET /api/lines/web-phone</c> would.</summary>
internal sealed class CrmWebPhoneLineReader(WebPhoneLines lines) : IWebPhoneLineReader
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => lines.ListAsync(cancellationToken);
}
