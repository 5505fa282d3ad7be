namespace Switchboard.Telephony.Calls;

/// <summary>
/// A conference a call is in, with everyone in it now. Members are grouped by the conference itself, not by the
/// conversation: a member called into it has a conversation of its own (recording 16).
/// </summary>
public sealed record CallConference(string Id, string Name, IReadOnlyList<ConferenceMember> Members)
{
    public bool Equals(CallConference? other) =>
        other is not null && Id == other.Id && Name == other.Name && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Members.Count);
}

/// <summary>One party in a conference: its number, its name where known, and its line when it is an agent's.</summary>
public sealed record ConferenceMember(string Number, string? Name, string? Line);
