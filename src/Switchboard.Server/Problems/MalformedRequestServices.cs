namespace Switchboard.Server.Problems;

internal static class MalformedRequestServices
{
    /// <summary>
    /// Every endpoint, in every environment, throws on a request it cannot read, and
    /// <see cref="MalformedRequestHandler"/> answers it. Without this, Development answered 500 with
    /// an error and its stack in the log, and other environments an empty 400 that named nothing.
    /// The exception handler middleware records nothing of an exception that a registered handler
    /// handled (ASP.NET Core 10's default), so the handler's one Information line is all the log gets.
    /// </summary>
    public static IServiceCollection AddMalformedRequestProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<MalformedRequestHandler>();
        return services;
    }
}
