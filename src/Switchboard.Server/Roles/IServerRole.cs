namespace Switchboard.Server.Roles;

/// <summary>One way to run the server: what it registers, prepares before it listens, and serves.</summary>
internal interface IServerRole
{
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Work done before the host listens, such as migrating the database.</summary>
    Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken);

    void MapEndpoints(WebApplication app);
}
