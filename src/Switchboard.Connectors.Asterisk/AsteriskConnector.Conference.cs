using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

// Merging a consultation into a conference is not offered on Asterisk yet (its flag is not in Operations, so the
// tracker never allows it): the Atxfer consultation runs through a Local channel pair whose Redirect into
// ConfBridge has not been tried on a live Asterisk. Conferences made in the dialplan are still shown (the mapper).
public sealed partial class AsteriskConnector
{
    public Task ConferenceAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken) =>
        Task.FromException(new PbxCommandException(
            "This Switchboard cannot merge a consultation into a conference on Asterisk yet; a conference made on the phone or in the dialplan (ConfBridge) is shown with its members."));
}
