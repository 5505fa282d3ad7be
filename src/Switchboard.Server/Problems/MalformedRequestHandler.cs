using Microsoft.AspNetCore.Diagnostics;

namespace Switchboard.Server.Problems;

/// <summary>
/// Answers a request that its endpoint could not read (a body that is not JSON, not UTF-8, nested
/// too deep, or JSON of another shape than the endpoint takes; a route or query value of the
/// wrong type) with its 4xx status and a problem+json body that names the field, and logs it at
/// Information without a stack: the client sent it wrong, the server did nothing wrong.
/// </summary>
internal sealed partial class MalformedRequestHandler(IProblemDetailsService problems, ILogger<MalformedRequestHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var problem = MalformedRequestProblem.Describe(bad);
        // The framework's message may quote what the client sent; one log line stays one line.
        LogRefused(httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, problem.Detail?.ReplaceLineEndings(" "));
        httpContext.Response.StatusCode = bad.StatusCode;

        // A client that accepts no JSON still gets the status, which says enough.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = bad });
        return true;
    }

    [LoggerMessage(1, LogLevel.Information, "Refused {Method} {Path} with {Status}: {Reason}")]
    private partial void LogRefused(string method, string path, int status, string? reason);
}
