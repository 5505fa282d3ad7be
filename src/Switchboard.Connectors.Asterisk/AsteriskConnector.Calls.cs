using Switchboard.Connectors.Asterisk.Ami;
using Switchboard.Connectors.Asterisk.Mapping;
using Switchboard.Connectors.Asterisk.Setup;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Asterisk;

// The call commands: each finds the channels of the call and sends the action a real Asterisk expects.
public sealed partial class AsteriskConnector
{
    public Task MakeCallAsync(string line, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        var prefix = _options.OutsideLinePrefix;
        var shown = prefix.Length > 0 && number.Length > prefix.Length + 6 && number.StartsWith(prefix, StringComparison.Ordinal)
            ? number[prefix.Length..]
            : number;
        var correlation = $"click2call-{Interlocked.Increment(ref _clickToCalls)}";
        return SendAsync(AsteriskActions.Originate(Device(line), _options.DialContext, number, shown, correlation), cancellationToken);
    }

    public Task AnswerAsync(CallKey call, CancellationToken cancellationToken)
    {
        if (!_options.RemoteAnswerLines.Contains(call.Line, StringComparer.Ordinal))
        {
            throw new PbxCommandException($"The phone of line {call.Line} cannot be answered from the panel; answer it on the phone.");
        }

        return SendAsync(AsteriskActions.RemoteAnswer(_options.Technology, call.Line, _options.RemoteAnswerEvent), cancellationToken);
    }

    public Task DropAsync(CallKey call, CancellationToken cancellationToken) =>
        SendAsync(AsteriskActions.Hangup(LineChannel(call)), cancellationToken);

    public async Task HoldAsync(CallKey call, CancellationToken cancellationToken)
    {
        var channels = ChannelsOf(call);
        var line = channels.LineChannel ?? throw NoChannel(call);
        var far = channels.FarChannel ?? throw new PbxCommandException($"Call {call} has nobody at the other end to hold.");
        if (_options.HoldMethod == AsteriskHoldMethod.Park)
        {
            await SendAsync(AsteriskActions.Park(far, line, _options.ParkingLot), cancellationToken);
        }
        else
        {
            await SendAsync(AsteriskActions.RedirectToHold(far, line, _options), cancellationToken);
        }

        _holds.Remember(call, new HeldParty(far, line));
    }

    public async Task UnholdAsync(CallKey call, CancellationToken cancellationToken)
    {
        var held = _holds.Find(call)
            ?? throw new PbxCommandException("The call was put on hold on the phone; take it off hold there.");
        if (_options.HoldMethod == AsteriskHoldMethod.Park)
        {
            var space = ChannelsOf(call).ParkingSpace
                ?? throw new PbxCommandException($"Call {call} is no longer parked.");
            await SendAsync(AsteriskActions.RetrieveParked(Device(call.Line), _options.DialContext, space), cancellationToken);
        }
        else
        {
            await SendAsync(AsteriskActions.SetBridgeTarget(held.Far, held.Line), cancellationToken);
            await SendAsync(AsteriskActions.RedirectToBridge(held.Far, _options), cancellationToken);
        }

        _holds.Forget(call);
    }

    public async Task SendDtmfAsync(CallKey call, string digits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var line = LineChannel(call);
        foreach (var digit in digits)
        {
            await SendAsync(AsteriskActions.PlayDtmf(line, digit), cancellationToken);
        }
    }

    public async Task SetMuteAsync(CallKey call, bool muted, CancellationToken cancellationToken)
    {
        await SendAsync(AsteriskActions.MuteAudio(LineChannel(call), muted), cancellationToken);

        // Asterisk announces no event for MuteAudio: its Success is the fact.
        _facts.Writer.TryWrite(new CallMuteChanged(call, muted));
    }

    // MixMonitorStart / MixMonitorStop and the VarSet of the file name follow: the mapper tells the tracker.
    public async Task SetRecordingAsync(CallKey call, bool recording, CancellationToken cancellationToken)
    {
        var line = LineChannel(call);
        await SendAsync(recording ? AsteriskActions.MixMonitor(line, RecordingFileName(call)) : AsteriskActions.StopMixMonitor(line), cancellationToken);
    }

    private string RecordingFileName(CallKey call) => _options.RecordingFileName
        .Replace("{line}", call.Line, StringComparison.Ordinal)
        .Replace("{pbxCallId}", call.PbxCallId, StringComparison.Ordinal)
        .Replace("{time}", TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Sends an action; an error response becomes a <see cref="PbxCommandException"/> with Asterisk's own message.</summary>
    private async Task<AmiMessage> SendAsync(AmiAction action, CancellationToken cancellationToken)
    {
        AmiMessage response;
        try
        {
            response = await _ami.SendActionAsync(action, cancellationToken);
        }
        catch (AmiConnectionLostException lost)
        {
            throw new PbxCommandException("The link to Asterisk is down; try again when it is back.", lost);
        }
        catch (AmiActionTimeoutException late)
        {
            throw new PbxCommandException($"Asterisk did not answer {action.Name} in time.", late);
        }

        return string.Equals(response.Response, "Error", StringComparison.OrdinalIgnoreCase)
            ? throw new PbxCommandException(AsteriskRefusals.Explain(action.Name, response["Message"]))
            : response;
    }

    private CallChannels ChannelsOf(CallKey call) =>
        _mapper.TryGetChannels(call, out var channels)
            ? channels
            : throw new PbxCommandException($"Call {call} is not active on Asterisk.");

    private string LineChannel(CallKey call) => ChannelsOf(call).LineChannel ?? throw NoChannel(call);

    private static PbxCommandException NoChannel(CallKey call) =>
        new($"Line {call.Line} has no channel in call {call.PbxCallId} now.");
}
