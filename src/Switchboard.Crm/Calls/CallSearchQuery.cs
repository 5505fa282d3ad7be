using System.Globalization;
using Switchboard.Telephony.Calls;

namespace Switchboard.Crm.Calls;

/// <summary>The query string of <c>GET /api/calls</c> as sent, before it is checked.</summary>
internal sealed record CallSearchQuery(
    string? From,
    string? To,
    string? Direction,
    string? Result,
    string? Number,
    string? ContactId,
    string? After,
    string? Limit)
{
    /// <summary>The search, or the errors that explain which parameters are wrong and why.</summary>
    public (CallSearch? Search, Dictionary<string, string[]> Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>();
        var search = new CallSearch
        {
            From = ParseMoment(From, "from", errors),
            To = ParseMoment(To, "to", errors),
            Direction = ParseEnum<CallDirection>(Direction, "direction", errors),
            Result = ParseEnum<CallEndReason>(Result, "result", errors),
            Number = string.IsNullOrWhiteSpace(Number) ? null : Number,
            ContactId = ParseGuid(ContactId, "contactId", errors),
            After = ParseCursor(After, errors),
            Limit = ParseLimit(Limit, errors),
        };
        return (errors.Count == 0 ? search : null, errors);
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

    private static CallCursor? ParseCursor(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (CallCursor.TryDecode(text, out var cursor))
        {
            return cursor;
        }

        errors["after"] = ["Expected the 'next' value of a previous page."];
        return null;
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
