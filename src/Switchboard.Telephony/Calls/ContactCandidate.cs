namespace Switchboard.Telephony.Calls;

/// <summary>
/// One CRM record that a call's remote number matched, and how it matched (<see cref="MatchedBy"/>:
/// <c>e164</c>, <c>nationalNumber</c>, <c>trailingDigits</c>, or <c>extension</c> for a colleague's line).
/// </summary>
public sealed record ContactCandidate(
    Guid? ContactId,
    string? ContactName,
    Guid? AccountId,
    string? AccountName,
    string MatchedBy)
{
    /// <summary>For an internal extension: the user who owns the line; null for contacts and accounts.</summary>
    public Guid? UserId { get; init; }

    /// <summary>For an internal extension: the display name of the user who owns the line.</summary>
    public string? UserName { get; init; }
}

/// <summary>Every candidate found for a number, best first, and the one the call is linked to.</summary>
public sealed record CallerMatch(IReadOnlyList<ContactCandidate> Candidates, ContactCandidate? Chosen)
{
    public static CallerMatch None { get; } = new([], null);

    public static CallerMatch From(IReadOnlyList<ContactCandidate> candidates) =>
        new(candidates, candidates.Count > 0 ? candidates[0] : null);
}
