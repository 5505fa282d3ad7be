using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>The filters of one request for the call log. <see cref="From"/> is inclusive, <see cref="To"/> exclusive.</summary>
public sealed record CallSearch
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public CallDirection? Direction { get; init; }
    public CallEndReason? Result { get; init; }

    /// <summary>A party's number, in any format: either end of the call.</summary>
    public string? Number { get; init; }

    public Guid? ContactId { get; init; }
    public Guid? AccountId { get; init; }

    /// <summary>The user who handled the call (the owner of its line when it was saved).</summary>
    public Guid? AgentId { get; init; }

    public CallOrder Order { get; init; } = CallOrder.NewestFirst;
    public CallCursor? After { get; init; }
    public int Limit { get; init; } = DefaultLimit;
}
