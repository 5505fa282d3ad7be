using System.Globalization;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>The query string of <c>GET /api/calls</c> (and of its CSV export) as sent, before it is checked.</summary>
internal sealed record CallSearchQuery(
    string? From,
    string? To,
    string? Direction,
    string? Result,
    string? Number,
    string? ContactId,
    string? AccountId,
    string? Agent,
    string? Sort,
    string? Order,
    string? After = null,
    string? Limit = null)
{
    public const string SortByStart = "startedAt";
    public const string SortByDuration = "duration";
    public const string Descending = "desc";
    public const string Ascending = "asc";

    // As long as the log's number columns.
    private const int MaxNumberLength = 64;

    /// <summary>The search, or the errors that explain which parameters are wrong and why.</summary>
    public (CallSearch? Search, Dictionary<string, string[]> Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>();
        var order = ParseOrder(Sort, Order, errors);
        var search = new CallSearch
        {
            From = ParseMoment(From, "from", errors),
            To = ParseMoment(To, "to", errors),
            Direction = ParseEnum<CallDirection>(Direction, "direction", errors),
            Result = ParseEnum<CallEndReason>(Result, "result", errors),
            Number = ParseNumber(Number, errors),
            ContactId = ParseGuid(ContactId, "contactId", errors),
            AccountId = ParseGuid(AccountId, "accountId", errors),
            AgentId = ParseGuid(Agent, "agent", errors),
            Order = order,
            After = ParseCursor(After, order, errors),
            Limit = ParseLimit(Limit, errors),
        };
        return (errors.Count == 0 ? search : null, errors);
    }

    private static CallOrder ParseOrder(string? sort, string? order, Dictionary<string, string[]> errors)
    {
        var byDuration = false;
        if (!string.IsNullOrWhiteSpace(sort))
        {
            byDuration = string.Equals(sort.Trim(), SortByDuration, StringComparison.OrdinalIgnoreCase);
            if (!byDuration && !string.Equals(sort.Trim(), SortByStart, StringComparison.OrdinalIgnoreCase))
            {
                errors["sort"] = [$"Expected one of: {SortByStart}, {SortByDuration}."];
            }
        }

        var descending = true;
        if (!string.IsNullOrWhiteSpace(order))
        {
            descending = string.Equals(order.Trim(), Descending, StringComparison.OrdinalIgnoreCase);
            if (!descending && !string.Equals(order.Trim(), Ascending, StringComparison.OrdinalIgnoreCase))
            {
                errors["order"] = [$"Expected one of: {Descending}, {Ascending}."];
            }
        }

        return (byDuration, descending) switch
        {
            (false, true) => CallOrder.NewestFirst,
            (false, false) => CallOrder.OldestFirst,
            (true, true) => CallOrder.LongestFirst,
            (true, false) => CallOrder.ShortestFirst,
        };
    }

    private static string? ParseNumber(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length <= MaxNumberLength && !text.Any(char.IsControl))
        {
            return text;
        }

        errors["number"] = [$"Expected a phone number or an extension of at most {MaxNumberLength} characters."];
        return null;
    }

    private static DateTimeOffset? ParseMoment(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        errors[name] = ["Expected a date and time such as 2025-01-31T09:00:00Z."];
        return null;
    }

    private static T? ParseEnum<T>(string? text, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // TryParse also takes numbers; only the names are part of the API.
        if (!text.Any(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        var names = Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]);
        errors[name] = [$"Expected one of: {string.Join(", ", names)}."];
        return null;
    }

    private static Guid? ParseGuid(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors[name] = ["Expected an id."];
        return null;
    }

    private static CallCursor? ParseCursor(string? text, CallOrder order, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!CallCursor.TryDecode(text, out var cursor))
        {
            errors["after"] = ["Expected the 'next' value of a previous page."];
            return null;
        }

        if (cursor.Order != order)
        {
            // A page boundary of one order means nothing in another.
            errors["after"] = ["This 'next' value belongs to a page in another order; ask again with the same sort and order."];
            return null;
        }

        return cursor;
    }

    private static int ParseLimit(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CallSearch.DefaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= CallSearch.MaxLimit)
        {
            return limit;
        }

        errors["limit"] = [$"Expected a whole number from 1 to {CallSearch.MaxLimit}."];
        return CallSearch.DefaultLimit;
    }
}
