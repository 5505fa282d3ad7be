using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Server.Problems;

/// <summary>What the client is told about a request its endpoint could not read.</summary>
internal static class MalformedRequestProblem
{
    /// <summary>The key of <c>errors</c> for a problem with the body as a whole (an array sent for an object, text that is not JSON).</summary>
    public const string WholeBody = "$";

    // System.Text.Json ends its messages with where it stopped; the problem says that in its own words.
    private const string PathSuffix = " Path: ";
    private const string CouldNotConvert = "The JSON value could not be converted to ";

    public static ProblemDetails Describe(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        if (JsonErrorOf(bad) is not { } json)
        {
            // A route or query value that does not bind, a missing body, a body too large: the
            // framework's message names the parameter.
            return new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message };
        }

        var field = FieldOf(json.Path);
        var where = json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? $" (line {line + 1}, byte {position + 1})"
            : string.Empty;
        var reason = ReasonOf(json);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = bad.StatusCode,
            Title = "The request body is not the JSON this endpoint takes.",
            Detail = $"At {json.Path ?? WholeBody}{where}: {reason}",
        };
    }

    private static JsonException? JsonErrorOf(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // "$.login" is the field "login", as the endpoints' own checks name it; "$" is the whole body.
    private static string FieldOf(string? path) => path switch
    {
        null or "" or WholeBody => WholeBody,
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path,
    };

    private static string ReasonOf(JsonException json) => json.InnerException switch
    {
        // A string where a number was expected and the like, a lone surrogate, bytes that are not
        // UTF-8: the reader's own words, which name the token and no type of ours.
        InvalidOperationException value => value.Message,

        // System.Text.Json names the type it was reading, which tells the client nothing it can fix.
        _ when json.Message.StartsWith(CouldNotConvert, StringComparison.Ordinal) => "Not the kind of value expected here.",
        _ => WithoutPath(json.Message),
    };

    private static string WithoutPath(string message)
    {
        var cut = message.IndexOf(PathSuffix, StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
