using Microsoft.EntityFrameworkCore;

namespace Switchboard.Crm.Data;

/// <summary>The CRM on a SQLite file; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no type that orders DateTimeOffset; UTC ticks order and compare as integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
