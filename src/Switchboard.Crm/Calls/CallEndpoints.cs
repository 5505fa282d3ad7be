using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Calls;

internal static class CallEndpoints
{
    public static void MapCallEndpoints(this IEndpointRouteBuilder api)
    {
        var calls = api.MapGroup("/calls").RequireAuthorization().WithTags("Calls");
        calls.MapGet("", SearchAsync).WithName("SearchCalls");
        calls.MapGet("/{id:guid}", GetAsync).WithName("GetCall");
    }

    private static async Task<Results<Ok<CallLogPage>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? from,
        string? to,
        string? direction,
        string? result,
        string? number,
        string? contactId,
        string? after,
        string? limit,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallQueries calls,
        CancellationToken cancellationToken)
    {
        var (search, errors) = new CallSearchQuery(from, to, direction, result, number, contactId, after, limit).Parse();
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reader = await users.FindAsync(principal, cancellationToken);
        return reader is null
            ? CrmProblems.UnknownUser()
            : TypedResults.Ok(await calls.SearchAsync(search, reader, cancellationToken));
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

        // Another agent's call is "not found", not "forbidden": its existence is not theirs to learn.
        return await calls.FindAsync(id, reader, cancellationToken) is { } call
            ? TypedResults.Ok(call)
            : CrmProblems.NotFound("call");
    }
}
