using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Crm.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without a host. It reads the same
/// keys as the application, from the environment (<c>Database__Provider</c>, <c>ConnectionStrings__Crm</c>).
/// </summary>
internal sealed class CrmDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = new DbContextOptionsBuilder<CrmDbContext>();
        CrmDatabaseProvider.Configure(options, configuration);
        return new CrmDbContext(options.Options);
    }
}
