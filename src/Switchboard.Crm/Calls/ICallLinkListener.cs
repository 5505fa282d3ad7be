namespace Switchboard.Crm.Calls;

/// <summary>
/// Hears that a user linked a call that is still active to a contact or account
/// (<c>PUT /api/calls/{id}/link</c>), so that the Messaging Service can update the call it tracks
/// and announce <c>callInfoChanged</c> to the line's owners. Optional: register any number of them
/// as singletons; with none the link is only stored. Not called for finished calls.
/// The call tracker's candidate for such a link is best marked <see cref="CallEditor.MatchedByHand"/> ("manual").
/// </summary>
public interface ICallLinkListener
{
    /// <summary>Called after the link is stored; the call is keyed as the tracker keys it, by PBX call id and line.</summary>
    Task CallLinkedAsync(
        string pbxCallId,
        string line,
        Guid? contactId,
        string? contactName,
        Guid? accountId,
        string? accountName,
        CancellationToken cancellationToken);
}
