using Switchboard.Crm.Calls;
using Switchboard.Messaging.Pump;
using Switchboard.Telephony.Calls;

namespace Switchboard.Server.Adapters;

/// <summary>
/// A user linked an active call to a CRM record: the tracker takes the link in the pump's order,
/// and the line's owners get <c>callInfoChanged</c>.
/// </summary>
internal sealed class TrackerCallLinkListener(CallPump pump) : ICallLinkListener
{
    public Task CallLinkedAsync(
        string pbxCallId,
        string line,
        Guid? contactId,
        string? contactName,
        Guid? accountId,
        string? accountName,
        CancellationToken cancellationToken)
    {
        var chosen = new ContactCandidate(contactId, contactName, accountId, accountName, CallEditor.MatchedByHand);
        pump.Enqueue(tracker => tracker.FindCall(new CallKey(pbxCallId, line)) is { } call
            ? tracker.ChooseContact(call.Id, chosen)
            : []);
        return Task.CompletedTask;
    }
}
