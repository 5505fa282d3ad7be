using Switchboard.Telephony.Calls;

namespace Switchboard.Messaging.Ports;

/// <summary>Finds the CRM records a phone number belongs to, best first; the CRM answers.</summary>
public interface ICallerLookup
{
    Task<IReadOnlyList<ContactCandidate>> LookupAsync(string number, CancellationToken cancellationToken);
}
