namespace Switchboard.Crm.Calls;

/// <summary>
/// The orders the call log can be read in. Each breaks ties by the row id in the same direction,
/// so that every row has one place and keyset paging neither skips nor repeats a row.
/// </summary>
public enum CallOrder
{
    /// <summary>By start, newest first: the default (<c>sort=startedAt&amp;order=desc</c>).</summary>
    NewestFirst,

    /// <summary>By start, oldest first (<c>sort=startedAt&amp;order=asc</c>).</summary>
    OldestFirst,

    /// <summary>By duration, longest first (<c>sort=duration&amp;order=desc</c>).</summary>
    LongestFirst,

    /// <summary>By duration, shortest first (<c>sort=duration&amp;order=asc</c>).</summary>
    ShortestFirst,
}

internal static class CallOrders
{
    public static bool IsByDuration(this CallOrder order) => order is CallOrder.LongestFirst or CallOrder.ShortestFirst;

    public static bool IsDescending(this CallOrder order) => order is CallOrder.NewestFirst or CallOrder.LongestFirst;
}
