using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Users;

namespace Switchboard.Crm.Recordings;

/// <summary>
/// <c>GET /api/calls/{id}/recording</c>: plays a call's recording to whoever may read the call, by the same rule as
/// <c>GET /api/calls/{id}</c> (another user's call is "not found"). Byte ranges are honoured, so a browser's player
/// can seek in a long recording without fetching all of it.
/// </summary>
internal static class RecordingEndpoint
{
    public const string MissingTitle = "The recording file is missing";

    public static void MapRecordingEndpoint(this RouteGroupBuilder calls) =>
        calls.MapGet("/{id:guid}/recording", GetAsync)
            .WithName("GetCallRecording")
            .WithSummary("A call's recording, streamed with HTTP Range")
            .WithDescription("From Recordings:Folder (200 or 206, the media type by the file's extension), or a redirect " +
                "to Recordings:UrlTemplate. 404 when the call is not the user's to read or has no recording, and 404 with the title '" +
                MissingTitle + "' when the call has one but its file is not there.")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .Produces(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAsync(
        Guid id,
        ClaimsPrincipal principal,
        UserDirectory users,
        CallQueries calls,
        RecordingFiles files,
        CancellationToken cancellationToken)
    {
        var reader = await users.FindAsync(principal, cancellationToken);
        if (reader is null)
        {
            return CrmProblems.UnknownUser();
        }

        var (found, stored) = await calls.FindRecordingAsync(id, reader, cancellationToken);
        if (!found)
        {
            return CrmProblems.NotFound("call");
        }

        if (stored is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The call has no recording.");
        }

        return files.Locate(stored) switch
        {
            RecordingLocation.LocalFile file => TypedResults.PhysicalFile(
                file.FullPath,
                RecordingContentTypes.For(file.FullPath),
                lastModified: File.GetLastWriteTimeUtc(file.FullPath),
                enableRangeProcessing: true),
            RecordingLocation.Elsewhere elsewhere => TypedResults.Redirect(elsewhere.Address.AbsoluteUri),
            RecordingLocation.Missing missing => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: MissingTitle, detail: missing.Reason),
            _ => throw new InvalidOperationException("A recording location of an unknown kind."),
        };
    }
}
