using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Recordings;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The Calls section: the log with its filters, one call, its CSV export, and what users change on
/// a call (link, comment). Every endpoint reads and changes only the calls the signed-in user may
/// read: an agent those of their own lines, a supervisor also those their team handled, an
/// administrator all. Another agent's call is "not found", not "forbidden": its existence is not
/// theirs to learn.
/// </summary>
internal static class CallEndpoints
{
    private const string FiltersDescription =
        "Filters: from (inclusive) and to (exclusive) on the start, direction (incoming, outgoing, internal), " +
        "result (the end reason), number (either party, any format), contactId, accountId, agent (the id of the user who handled it). " +
        "sort: startedAt (default) or duration; order: desc (default) or asc. " +
        "An agent sees the calls of their own lines only; a supervisor also the calls their team's members handled; administrators see all.";

    public static void MapCallEndpoints(this IEndpointRouteBuilder api)
    {
        var calls = api.MapGroup("/calls")
            .RequireAuthorization()
            .WithTags("Calls")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        calls.MapGet("", SearchAsync)
            .WithName("SearchCalls")
            .WithSummary("The call log, filtered, sorted and keyset-paged")
            .WithDescription(FiltersDescription + " Pages: limit (1-200, default 50) and after (the previous page's next).");
        calls.MapGet("/export.csv", ExportAsync)
            .WithName("ExportCalls")
            .WithSummary("The filtered call log as CSV")
            .WithDescription(FiltersDescription + " Streamed CSV (RFC 4180) with a header row; moments in UTC (ISO 8601), " +
                "durations in whole seconds; at most Crm:ExportMaxRows rows (100,000 unless configured), the first ones in the order asked for.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        calls.MapGet("/{id:guid}", GetAsync)
            .WithName("GetCall")
            .WithSummary("One call's card")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapPut("/{id:guid}/link", LinkAsync)
            .WithName("LinkCall")
            .WithSummary("Links a call to a contact, an account, or both")
            .WithDescription("Body {contactId?, accountId?}; at least one. A contact given alone brings its account along. " +
                "Linking a call that is still active updates the agents' panels (callInfoChanged).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapPut("/{id:guid}/comment", CommentAsync)
            .WithName("CommentCall")
            .WithSummary("Sets or clears a call's comment")
            .WithDescription($"Body {{comment}}: at most {CallEditor.MaxCommentLength} characters; empty or null clears it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapCallSaveEndpoint();
        calls.MapOpenCallEndpoint();
        calls.MapRecordingEndpoint();
    }

    private static async Task<Results<Ok<CallLogPage>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? from,
        string? to,
        string? direction,
        string? result,
        string? number,
        string? contactId,
        string? accountId,
        string? agent,
        string? sort,
        string? order,
        string? after,
        string? limit,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallQueries calls,
        CancellationToken cancellationToken)
    {
        var (search, errors) = new CallSearchQuery(from, to, direction, result, number, contactId, accountId, agent, sort, order, after, limit).Parse();
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reader = await users.FindAsync(principal, cancellationToken);
        return reader is null
            ? CrmProblems.UnknownUser()
            : TypedResults.Ok(await calls.SearchAsync(search, reader, cancellationToken));
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string? from,
        string? to,
        string? direction,
        string? result,
        string? number,
        string? contactId,
        string? accountId,
        string? agent,
        string? sort,
        string? order,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallQueries calls,
        IOptions<CrmOptions> options,
        CancellationToken cancellationToken)
    {
        var (search, errors) = new CallSearchQuery(from, to, direction, result, number, contactId, accountId, agent, sort, order).Parse();
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reader = await users.FindAsync(principal, cancellationToken);
        if (reader is null)
        {
            return CrmProblems.UnknownUser();
        }

        var maxRows = options.Value.ExportMaxRows;
        return TypedResults.Stream(
            stream => CallCsv.WriteAsync(stream, calls.ExportAsync(search, reader, maxRows, cancellationToken), cancellationToken),
            CallCsv.ContentType,
            fileDownloadName: "calls.csv");
    }

    private static async Task<Results<Ok<CallLogEntry>, ProblemHttpResult>> GetAsync(
        Guid id,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallQueries calls,
        CancellationToken cancellationToken)
    {
        var reader = await users.FindAsync(principal, cancellationToken);
        if (reader is null)
        {
            return CrmProblems.UnknownUser();
        }

        return await calls.FindAsync(id, reader, cancellationToken) is { } call
            ? TypedResults.Ok(call)
            : CrmProblems.NotFound("call");
    }

    private static async Task<Results<Ok<CallLogEntry>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid id,
        LinkCallRequest? request,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallEditor editor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var contactId = ParseId(request?.ContactId, "contactId", errors);
        var accountId = ParseId(request?.AccountId, "accountId", errors);
        if (errors.Count == 0 && contactId is null && accountId is null)
        {
            errors["contactId"] = ["Give a contactId, an accountId, or both."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null)
        {
            return CrmProblems.UnknownUser();
        }

        var (target, contactMissing, accountMissing) = await editor.FindLinkTargetAsync(contactId, accountId, cancellationToken);
        if (target is null)
        {
            if (contactMissing)
            {
                errors["contactId"] = ["No contact has this id."];
            }

            if (accountMissing)
            {
                errors["accountId"] = ["No account has this id."];
            }

            return TypedResults.ValidationProblem(errors);
        }

        return await editor.LinkAsync(id, target, user, cancellationToken) is { } call
            ? TypedResults.Ok(call)
            : CrmProblems.NotFound("call");
    }

    private static async Task<Results<Ok<CallLogEntry>, ValidationProblem, ProblemHttpResult>> CommentAsync(
        Guid id,
        CommentCallRequest? request,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallEditor editor,
        CancellationToken cancellationToken)
    {
        var comment = string.IsNullOrWhiteSpace(request?.Comment) ? null : request.Comment.Trim();
        if (comment?.Length > CallEditor.MaxCommentLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["comment"] = [$"A comment holds at most {CallEditor.MaxCommentLength} characters."],
            });
        }

        if (comment?.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) == true)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["comment"] = ["A comment is text: line breaks and tabs, but no other control characters."],
            });
        }

        var user = await users.FindAsync(principal, cancellationToken);
        if (user is null)
        {
            return CrmProblems.UnknownUser();
        }

        return await editor.CommentAsync(id, comment, user, cancellationToken) is { } call
            ? TypedResults.Ok(call)
            : CrmProblems.NotFound("call");
    }

    private static Guid? ParseId(string? text, string name, Dictionary<string, string[]> errors)
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
}

/// <summary>The body of <c>PUT /api/calls/{id}/link</c>: ids as strings, so that a malformed one is named in the answer.</summary>
public sealed record LinkCallRequest(string? ContactId, string? AccountId);

/// <summary>The body of <c>PUT /api/calls/{id}/comment</c>.</summary>
public sealed record CommentCallRequest(string? Comment);
