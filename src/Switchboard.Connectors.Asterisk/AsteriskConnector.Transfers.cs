using Switchboard.Telephony.Calls;

namespace Switchboard.Connectors.Asterisk;

// Transfers: blind with BlindTransfer; consultation with Atxfer, which Asterisk completes when the
// transferring agent leaves, and CancelAtxfer.
public sealed partial class AsteriskConnector
{
    public Task BlindTransferAsync(CallKey call, string target, CancellationToken cancellationToken) =>
        SendAsync(AsteriskActions.BlindTransfer(LineChannel(call), target, _options.DialContext), cancellationToken);

    public Task MakeConsultCallAsync(CallKey call, string target, CancellationToken cancellationToken) =>
        SendAsync(AsteriskActions.Atxfer(LineChannel(call), target, _options.DialContext), cancellationToken);

    /// <summary>Asterisk joins the two other parties when the transferring agent hangs up the consultation.</summary>
    public Task CompleteTransferAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken) =>
        SendAsync(AsteriskActions.Hangup(LineChannel(consultCall)), cancellationToken);

    public Task CancelTransferAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken) =>
        SendAsync(AsteriskActions.CancelAtxfer(LineChannel(consultCall)), cancellationToken);
}
