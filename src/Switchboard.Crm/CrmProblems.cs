using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Switchboard.Crm;

/// <summary>The problem responses that more than one endpoint gives.</summary>
internal static class CrmProblems
{
    /// <summary>A valid token whose user no longer exists.</summary>
    public static ProblemHttpResult UnknownUser() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signed-in user no longer exists.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.");
}
