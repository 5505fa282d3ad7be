using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Switchboard.Crm;

/// <summary>The problem responses that more than one endpoint gives.</summary>
internal static class CrmProblems
{
    /// <summary>A valid token whose user no longer exists, or whose login, role or password changed since it was issued.</summary>
    public static ProblemHttpResult UnknownUser() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "The signed-in user no longer exists or has changed since signing in; sign in again.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.");

    public static ProblemHttpResult Forbidden(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);

    public static ProblemHttpResult Conflict(string title, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);
}
