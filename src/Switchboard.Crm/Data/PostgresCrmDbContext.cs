using Microsoft.EntityFrameworkCore;

namespace Switchboard.Crm.Data;

/// <summary>The CRM on PostgreSQL; its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options)
{
    /// <summary>Byte order: digits sort as they do in .NET's ordinal comparison, whatever the database's locale.</summary>
    public const string ByteOrderCollation = "C";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Moments are timestamp with time zone, which Npgsql writes only from a zero offset:
        // every value on its way in, saved or compared in a query, is turned to UTC first.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The trailing-digits lookup is a range over ReversedDigits (>= tail and < the next prefix),
        // computed in ordinal order; in byte order the btree index serves that range in any locale.
        modelBuilder.Entity<PhoneNumber>().Property(p => p.ReversedDigits).UseCollation(ByteOrderCollation);

        // The lookup reads only these columns of the numbers in its range: kept in the index, they
        // are read from it alone (an index-only scan), without a visit to each number's table page.
        modelBuilder.Entity<PhoneNumber>().HasIndex(p => p.ReversedDigits).IncludeProperties(p => new { p.E164, p.ContactId, p.AccountId });
    }
}
