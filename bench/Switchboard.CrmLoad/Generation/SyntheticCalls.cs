using System.Globalization;
using Switchboard.Crm.Data;
using Switchboard.Telephony.Calls;

namespace Switchboard.CrmLoad.Generation;

/// <summary>
/// Finished calls of the last two years, oldest first, as the call log keeps them: one row per call
/// per line. 58 % incoming, 32 % outgoing, 10 % internal (an internal call is two rows, one per
/// line, with one conversation id); 60 % of the outside parties are numbers of the CRM, and 90 % of
/// those calls are linked to the contact or account. Numbers are written the ways the PBX sends them.
/// </summary>
internal sealed class SyntheticCalls(SyntheticCrm crm, int seed)
{
    public static readonly DateTimeOffset FirstStart = new(2024, 11, 28, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Period = TimeSpan.FromDays(730);

    private static readonly string[] Comments =
    [
        "Asked for a call back tomorrow", "Wants a quote", "Complaint about the last delivery", "Invoice question",
        "Wrong number", "Sent the price list", "Will call again",
    ];

    private readonly Dictionary<Guid, Contact> _contactsById = crm.Contacts.ToDictionary(c => c.Id);

    public IEnumerable<CallRecord> Generate(int count)
    {
        var random = new Random(seed);
        var step = Period.Ticks / Math.Max(count, 1);
        var made = 0;
        while (made < count)
        {
            var started = FirstStart.AddTicks((step * made) + random.NextInt64(Math.Max(step / 2, 1)));
            var roll = random.Next(100);
            if (roll >= 90 && count - made >= 2)
            {
                foreach (var row in Internal(random, started, made))
                {
                    yield return row;
                }

                made += 2;
                continue;
            }

            yield return External(random, started, made, incoming: roll < 58);
            made++;
        }
    }

    private static string PbxCallId(DateTimeOffset started, int sequence) =>
        started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + sequence.ToString(CultureInfo.InvariantCulture);

    private CallRecord External(Random random, DateTimeOffset started, int sequence, bool incoming)
    {
        var lineIndex = random.Next(SyntheticCrm.LineCount);
        var line = SyntheticCrm.LineName(lineIndex);
        var fromCrm = crm.Numbers.Length > 0 && random.Next(10) < 6;
        var numberIndex = fromCrm ? random.Next(crm.Numbers.Length) : -1;
        var plan = fromCrm ? crm.Plans[numberIndex] : PhonePlan.Next(random);
        var outside = incoming ? CallerIdOf(plan, random) : Dialled(plan, random);

        var (reason, answered) = incoming
            ? random.Next(100) switch
            {
                < 75 => (CallEndReason.Completed, true),
                < 78 => (CallEndReason.Transferred, true),
                < 92 => (CallEndReason.Missed, false),
                < 97 => (CallEndReason.Abandoned, false),
                < 99 => (CallEndReason.Busy, false),
                _ => (CallEndReason.Rejected, false),
            }
            : random.Next(100) switch
            {
                < 65 => (CallEndReason.Completed, true),
                < 77 => (CallEndReason.Busy, false),
                < 94 => (CallEndReason.Abandoned, false),
                < 97 => (CallEndReason.Rejected, false),
                _ => (CallEndReason.Failed, false),
            };

        var id = PbxCallId(started, sequence);
        var row = NewRow(id, line, id, lineIndex, started);
        row.Direction = incoming ? CallDirection.Incoming : CallDirection.Outgoing;
        row.CallerNumber = incoming ? outside : line;
        row.CalleeNumber = incoming ? line : outside;
        Finish(row, random, reason, answered);
        if (reason == CallEndReason.Transferred)
        {
            row.RedirectedTo = SyntheticCrm.LineName((lineIndex + 1 + random.Next(SyntheticCrm.LineCount - 1)) % SyntheticCrm.LineCount);
        }

        if (fromCrm && random.Next(10) < 9)
        {
            var number = crm.Numbers[numberIndex];
            row.ContactId = number.ContactId;
            row.AccountId = number.ContactId is { } contactId ? _contactsById[contactId].AccountId : number.AccountId;
            if (incoming && number.ContactId is { } c && random.Next(2) == 0)
            {
                row.CallerName = _contactsById[c].Name;
            }
        }

        return row;
    }

    private IEnumerable<CallRecord> Internal(Random random, DateTimeOffset started, int sequence)
    {
        var fromIndex = random.Next(SyntheticCrm.LineCount);
        var toIndex = (fromIndex + 1 + random.Next(SyntheticCrm.LineCount - 1)) % SyntheticCrm.LineCount;
        var from = SyntheticCrm.LineName(fromIndex);
        var to = SyntheticCrm.LineName(toIndex);
        var answered = random.Next(10) < 8;
        var reason = answered ? CallEndReason.Completed : CallEndReason.Missed;
        var conversation = PbxCallId(started, sequence);

        var caller = NewRow(conversation, from, conversation, fromIndex, started);
        caller.Direction = CallDirection.Internal;
        caller.CallerNumber = from;
        caller.CalleeNumber = to;
        Finish(caller, random, answered ? reason : CallEndReason.Abandoned, answered);

        var callee = NewRow(PbxCallId(started, sequence + 1), to, conversation, toIndex, started);
        callee.Direction = CallDirection.Internal;
        callee.CallerNumber = from;
        callee.CallerName = crm.Users[fromIndex].DisplayName;
        callee.CalleeNumber = to;
        CopyTimes(caller, callee, reason);
        return [caller, callee];
    }

    private CallRecord NewRow(string pbxCallId, string line, string conversationId, int lineIndex, DateTimeOffset started) => new()
    {
        Id = Guid.CreateVersion7(started),
        PbxCallId = pbxCallId,
        Line = line,
        ConversationId = conversationId,
        UserId = crm.Users[lineIndex].Id,
        CallerNumber = string.Empty,
        CalleeNumber = string.Empty,
        State = CallState.Finished,
        StartedAt = started,
    };

    private static void Finish(CallRecord row, Random random, CallEndReason reason, bool answered)
    {
        var ring = random.Next(2, 26);
        var talk = answered ? Math.Clamp((int)(-180 * Math.Log(1 - random.NextDouble())), 5, 3600) : 0;
        var hold = answered && random.Next(10) == 0 ? random.Next(5, 121) : 0;
        row.TimeBeforeConnectionSeconds = answered ? ring : 0;
        row.TalkSeconds = talk;
        row.HoldSeconds = hold;
        row.DurationSeconds = ring + talk + hold;
        row.AnsweredAt = answered ? row.StartedAt.AddSeconds(ring) : null;
        row.EndedAt = row.StartedAt.AddSeconds(row.DurationSeconds);
        row.UpdatedAt = row.EndedAt.Value;
        row.EndReason = reason;
        if (random.Next(50) == 0)
        {
            row.Comment = Comments[random.Next(Comments.Length)];
        }
    }

    private static void CopyTimes(CallRecord from, CallRecord to, CallEndReason reason)
    {
        to.TimeBeforeConnectionSeconds = from.TimeBeforeConnectionSeconds;
        to.TalkSeconds = from.TalkSeconds;
        to.HoldSeconds = from.HoldSeconds;
        to.DurationSeconds = from.DurationSeconds;
        to.AnsweredAt = from.AnsweredAt;
        to.EndedAt = from.EndedAt;
        to.UpdatedAt = from.UpdatedAt;
        to.EndReason = reason;
    }

    /// <summary>A caller id as a trunk delivers it.</summary>
    internal static string CallerIdOf(PlannedNumber number, Random random) => number.Country == Country.Ru
        ? random.Next(10) switch
        {
            < 5 => "+7" + number.National,
            < 8 => "7" + number.National,
            _ => "8" + number.National,
        }
        : random.Next(2) == 0 ? number.E164 : "00" + number.CountryCode + number.National;

    /// <summary>A number as an agent dials it, usually through the outside-line prefix 9.</summary>
    internal static string Dialled(PlannedNumber number, Random random) => number.Country == Country.Ru
        ? random.Next(10) switch
        {
            < 6 => "98" + number.National,
            < 8 => "8" + number.National,
            _ => "+7" + number.National,
        }
        : random.Next(2) == 0 ? "900" + number.CountryCode + number.National : number.E164;
}
