using Switchboard.Crm.Contacts;
using Switchboard.Messaging.Ports;
using Switchboard.Telephony.Calls;

namespace Switchboard.Server.Adapters;

/// <summary>The Messaging Service asks the in-process CRM whose number is calling.</summary>
internal sealed class CrmCallerLookup(CallerLookup lookup) : ICallerLookup
{
    public Task<IReadOnlyList<ContactCandidate>> LookupAsync(string number, CancellationToken cancellationToken) =>
        lookup.LookupAsync(number, cancellationToken);
}
