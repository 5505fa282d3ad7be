namespace Switchboard.Telephony.Calls;

/// <summary>One CRM record that a call's remote number matched, and how it matched.</summary>
public sealed record ContactCandidate(
    Guid? ContactId,
    string? ContactName,
    Guid? AccountId,
    string? AccountName,
    string MatchedBy);

/// <summary>Every candidate found for a number, best first, and the one the call is linked to.</summary>
public sealed record CallerMatch(IReadOnlyList<ContactCandidate> Candidates, ContactCandidate? Chosen)
{
    public static CallerMatch None { get; } = new([], null);

    public static CallerMatch From(IReadOnlyList<ContactCandidate> candidates) =>
        new(candidates, candidates.Count > 0 ? candidates[0] : null);
}
