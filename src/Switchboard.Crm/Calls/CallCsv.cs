using System.Buffers;
using System.Globalization;
using System.Text;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Writes call log rows as CSV (RFC 4180): a header row, commas, CRLF line ends, a field quoted
/// when it holds a comma, quote or line break, with its quotes doubled. Moments in UTC as ISO 8601
/// (<c>2025-03-14T12:00:05Z</c>), durations in whole seconds. UTF-8 with a byte order mark, so that
/// spreadsheets read non-Latin names right.
/// </summary>
internal static class CallCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> DialledCharacters = SearchValues.Create("0123456789 ()-");

    private static readonly string[] Header =
    [
        "id", "pbxCallId", "conversationId", "parentCallId", "line", "userId", "userName", "direction", "state", "result",
        "callerNumber", "callerName", "calleeNumber", "redirectedFrom", "redirectedTo",
        "startedAt", "answeredAt", "endedAt",
        "timeBeforeConnectionSeconds", "durationSeconds", "talkSeconds", "holdSeconds",
        "contactId", "contactName", "accountId", "accountName", "comment",
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<CallLogEntry> calls, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var line = new StringBuilder(512);
        AppendRow(line, Header);
        await writer.WriteAsync(line, cancellationToken);
        await foreach (var call in calls.WithCancellation(cancellationToken))
        {
            line.Clear();
            AppendRow(line, Fields(call));
            await writer.WriteAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    internal static string[] Fields(CallLogEntry call) =>
    [
        Id(call.Id), call.PbxCallId, call.ConversationId, Id(call.ParentCallId), call.Line, Id(call.UserId), call.UserName ?? "",
        Name(call.Direction), Name(call.State), call.EndReason is { } reason ? Name(reason) : "",
        call.CallerNumber, call.CallerName ?? "", call.CalleeNumber, call.RedirectedFrom ?? "", call.RedirectedTo ?? "",
        Moment(call.StartedAt), Moment(call.AnsweredAt), Moment(call.EndedAt),
        Seconds(call.TimeBeforeConnectionSeconds), Seconds(call.DurationSeconds), Seconds(call.TalkSeconds), Seconds(call.HoldSeconds),
        Id(call.ContactId), call.ContactName ?? "", Id(call.AccountId), call.AccountName ?? "", call.Comment ?? "",
    ];

    internal static void AppendRow(StringBuilder line, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            AppendField(line, Defused(fields[i]));
        }

        line.Append("\r\n");
    }

    private static void AppendField(StringBuilder line, string field)
    {
        if (field.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(field);
            return;
        }

        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    // A spreadsheet runs a cell that starts with = + - @ as a formula. Text that users typed (a
    // comment, a name) could be made to; a leading apostrophe keeps it text. Phone numbers such as
    // +74951234567 are left as they are: a formula of digits only computes nothing.
    internal static string Defused(string field)
    {
        if (field.Length == 0 || field[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return field;
        }

        return field[0] is '+' or '-' && field.AsSpan(1).IndexOfAnyExcept(DialledCharacters) < 0 && field.Length > 1
            ? field
            : "'" + field;
    }

    private static string Id(Guid? id) => id?.ToString() ?? "";

    private static string Moment(DateTimeOffset? moment) =>
        moment?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
