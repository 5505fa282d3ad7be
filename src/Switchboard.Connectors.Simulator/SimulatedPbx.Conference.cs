using Switchboard.Connectors.Simulator.Internal;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Connectors;

namespace Switchboard.Connectors.Simulator;

// A consultation merged with the call it was made from: the held party comes back and the three talk together.
// The simulator carries no audio, so its conference is a room of ends, reported as a conference bridge reports:
// one join per party's end (the merging line joins with both its calls), one leave as each end goes, and the end
// once one party is left.
public sealed partial class SimulatedPbx
{
    private readonly Dictionary<string, List<(string MemberId, SimEnd End)>> _conferences = new(StringComparer.Ordinal);
    private int _conferenceCount;

    public Task ConferenceAsync(CallKey heldCall, CallKey consultCall, CancellationToken cancellationToken) =>
        Command(() =>
        {
            var (held, consultation) = FindConsultation(heldCall, consultCall);
            if (!consultation.Call.IsConnected || consultation.Call.Other(consultation) is not { } consulted)
            {
                throw new PbxCommandException($"{Describe(consultation)} is not answered yet; a conference can be made once it is.");
            }

            var party = held.Call.Other(held)!;
            held.State = EndState.Connected;
            Emit(new CallUnheld(held.Key));

            var id = $"conf-{++_conferenceCount}";
            var room = new List<(string, SimEnd)>();
            _conferences.Add(id, room);
            foreach (var end in new[] { party, held, consultation, consulted })
            {
                var memberId = end is LineEnd line ? line.Key.ToString() : $"{end.Number}@{id}-{room.Count}";
                room.Add((memberId, end));
                var member = new ConferenceMember(end.Number, null, end is LineEnd inside ? inside.Key.Line : null);
                Emit(new ConferenceJoined(id, id, memberId, member, (end as LineEnd)?.Key));
            }
        }, cancellationToken);

    /// <summary>An end that goes leaves its conferences; a conference with one party left is over.</summary>
    private void LeaveConferences(SimEnd end)
    {
        foreach (var (id, room) in _conferences.Where(c => c.Value.Exists(m => ReferenceEquals(m.End, end))).ToList())
        {
            foreach (var gone in room.Where(m => ReferenceEquals(m.End, end)).ToList())
            {
                room.Remove(gone);
                Emit(new ConferenceLeft(id, gone.MemberId));
            }

            if (room.Select(m => m.End.Number).Distinct(StringComparer.Ordinal).Count() <= 1)
            {
                _conferences.Remove(id);
                Emit(new ConferenceEnded(id));
            }
        }
    }
}
