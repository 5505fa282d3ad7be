using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Crm.Users;

/// <summary>The body of <c>PUT /api/users/{id}/phone-style</c>: <c>{"phoneStyle":"webPhone"}</c> or <c>"thirdParty"</c>.</summary>
public sealed record SetPhoneStyleRequest(string? PhoneStyle);

/// <summary><c>PUT /api/users/{id}/phone-style</c>: administrators choose whether a user's panel drives their phone or is it.</summary>
internal static class PhoneStyleEndpoint
{
    public static void MapPhoneStyleEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPut("/users/{id:guid}/phone-style", SetAsync)
            .RequireAuthorization(policy => policy.RequireRole(nameof(UserRole.Administrator)))
            .WithTags("Users")
            .WithName("SetUserPhoneStyle")
            .WithSummary("Sets whether a user's panel drives their phone or is their phone (administrators only)")
            .WithDescription("Body {phoneStyle: thirdParty | webPhone}; answers with the user. thirdParty (the default): the panel " +
                "drives the desk phone or softphone through the PBX link. webPhone: the browser registers the user's SIP account and is " +
                "the phone; 409 while the user has no SIP account (PUT /api/users/{id}/sip-account first). Removing the SIP account " +
                "sets the user back to thirdParty.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<CrmUser>, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid id, SetPhoneStyleRequest? request, ClaimsPrincipal principal, UserDirectory users, PhoneStyles styles, CancellationToken cancellationToken)
    {
        if (Parse(request?.PhoneStyle) is not { } style)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["phoneStyle"] = ["Expected one of: thirdParty, webPhone."],
            });
        }

        if (await UserEndpoints.CheckAdministratorAsync(principal, users, cancellationToken) is { } refused)
        {
            return refused;
        }

        var change = await styles.SetAsync(id, style, cancellationToken);
        return change.Outcome switch
        {
            PhoneStyleChangeOutcome.Done => TypedResults.Ok(change.User!),
            PhoneStyleChangeOutcome.NoSipAccount => CrmProblems.Conflict(
                "The web phone needs a SIP account: set the user's SIP account (PUT /api/users/{id}/sip-account) first."),
            _ => CrmProblems.NotFound("user"),
        };
    }

    // Enum.TryParse also takes numbers and comma lists; only the names are part of the API.
    private static PhoneStyle? Parse(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().All(char.IsAsciiLetter) && Enum.TryParse<PhoneStyle>(text.Trim(), ignoreCase: true, out var style)
            ? style
            : null;
}
