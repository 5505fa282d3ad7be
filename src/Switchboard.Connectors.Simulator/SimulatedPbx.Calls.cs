using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// The commands on one call: place, answer, drop, hold, mute, DTMF.
public sealed partial class SimulatedPbx
{
    public Task MakeCallAsync(string line, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(number);
        return Command(() =>
        {
            FindLine(line);
            RequireDiallable(number);
            if (string.Equals(number, line, StringComparison.Ordinal))
            {
                throw new PbxCommandException($"Line {line} cannot call itself.");
            }

            // The simulator's phones answer their own outgoing calls: the line dials at once, without ringing first.
            var id = NextCallId();
            var caller = AddLineEnd(new LineEnd(new CallKey(id, line), EndState.Dialing, placedCall: true, NextSequence())
            {
                Direction = IsInsideNumber(number) ? CallDirection.Internal : CallDirection.Outgoing,
                CallerNumber = line,
                CalleeNumber = number,
            });
            var call = AddCall(id, id, caller);
            Emit(caller.ToAppeared(forResync: false));
            Route(call, number, redirectedFrom: null);
        }, cancellationToken);
    }

    public Task AnswerAsync(CallKey call, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var end = FindLineEnd(call);
            switch (end.State)
            {
                case EndState.Ringing:
                    Answer(end.Call);
                    break;
                case EndState.Dialing:
                    throw new PbxCommandException($"{Describe(end)} was placed by the line; only the called party can answer it.");
                default:
                    throw new PbxCommandException($"{Describe(end)} is already answered.");
            }
        }, cancellationToken);

    public Task DropAsync(CallKey call, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var end = FindLineEnd(call);
            var simCall = end.Call;
            if (end.State != EndState.Ringing)
            {
                HangUp(end, HangupCause.Normal, HangupSide.Local, HangupCause.Normal);
            }
            else if (simCall.Queue is not null)
            {
                // A member declining a queue call: the caller waits for the next member.
                simCall.StopRinging();
                simCall.Callee = null;
                Leave(end, HangupCause.Rejected, HangupSide.Local);
            }
            else
            {
                HangUp(end, HangupCause.Rejected, HangupSide.Local, HangupCause.Rejected);
            }
        }, cancellationToken);

    public Task HoldAsync(CallKey call, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var end = FindTalkingEnd(call, "put on hold");
            if (end.State == EndState.Held)
            {
                throw new PbxCommandException($"{Describe(end)} is already on hold.");
            }

            end.State = EndState.Held;
            Emit(new CallHeld(end.Key));
        }, cancellationToken);

    public Task UnholdAsync(CallKey call, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var end = FindTalkingEnd(call, "taken off hold");
            if (end.State != EndState.Held)
            {
                throw new PbxCommandException($"{Describe(end)} is not on hold.");
            }

            if (ConsultationOf(end) is { } consultation)
            {
                throw new PbxCommandException(
                    $"{Describe(end)} has a consultation in progress ({consultation.Key.PbxCallId}); complete or cancel the transfer instead.");
            }

            end.State = EndState.Connected;
            Emit(new CallUnheld(end.Key));
        }, cancellationToken);

    public Task SetMuteAsync(CallKey call, bool muted, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var end = FindTalkingEnd(call, muted ? "muted" : "unmuted");
            end.Muted = muted;
            Emit(new CallMuteChanged(end.Key, muted));
        }, cancellationToken);

    public Task SendDtmfAsync(CallKey call, string digits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return Command(() =>
        {
            RequireDtmf(digits);
            var end = FindTalkingEnd(call, "used to send DTMF");
            if (end.State != EndState.Connected || !end.Call.IsConnected)
            {
                throw new PbxCommandException($"{Describe(end)} is not connected to anyone now, so it cannot send DTMF.");
            }

            var farLine = end.Call.Other(end) as LineEnd;
            foreach (var digit in digits)
            {
                Emit(new DtmfSeen(end.Key, digit));
                if (farLine is not null)
                {
                    Emit(new DtmfSeen(farLine.Key, digit));
                }
            }
        }, cancellationToken);
    }

    /// <summary>Finds a line end that has been answered and is not a listening call: the ones that talk, hold and transfer.</summary>
    private LineEnd FindTalkingEnd(CallKey key, string action)
    {
        var end = FindLineEnd(key);
        if (end.IsListening)
        {
            throw new PbxCommandException($"{Describe(end)} is a supervisor listening in; it can only be dropped, not {action}.");
        }

        return end.IsAnswered
            ? end
            : throw new PbxCommandException($"{Describe(end)} is not answered yet, so it cannot be {action}.");
    }

    private LineEnd? ConsultationOf(LineEnd held) =>
        _lineEnds.Values.FirstOrDefault(e => ReferenceEquals(e.ConsultedFrom, held));

    private static void RequireDiallable(string number)
    {
        if (!DialRules.IsDiallable(number))
        {
            throw new PbxCommandException($"'{number}' is not a number that can be dialled: use digits, with an optional leading +.");
        }
    }

    private static void RequireDtmf(string digits)
    {
        if (digits.Length == 0)
        {
            throw new PbxCommandException("No DTMF digits were given.");
        }

        if (DialRules.FindInvalidDtmf(digits) is { } invalid)
        {
            throw new PbxCommandException($"'{invalid}' is not a DTMF digit: use 0-9, *, #, A-D.");
        }
    }
}
