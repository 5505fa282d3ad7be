using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

// Conferencing a consultation is Asterisk's own three-way call of an attended transfer: the atxferthreeway feature
// code played on the agent's channel as if the phone sent it, as CancelAtxfer does with atxferabort. Asterisk then
// moves everyone into the caller's bridge (AttendedTransfer DestType Threeway), which the mapper reports as a
// conference of its members (recording asterisk22-transfers/22).
public sealed partial class AsteriskConnector
{
    public async Task ConferenceAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_options.ThreeWayCode))
        {
            throw new PbxCommandException("Conferencing is off: Asterisk:ThreeWayCode is empty.");
        }

        var channel = LineChannel(consultCall);
        foreach (var digit in _options.ThreeWayCode)
        {
            await SendAsync(AsteriskActions.PlayDtmf(channel, digit), cancellationToken);
        }
    }
}
