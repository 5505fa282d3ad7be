using Microsoft.EntityFrameworkCore;

namespace Switchboard.Crm.Data;

/// <summary>
/// The CRM's tables. Each database engine has a subclass of its own (<see cref="SqliteCrmDbContext"/>,
/// <see cref="PostgresCrmDbContext"/>) with its column types and its own set of migrations;
/// the rest of the CRM works with this type and never asks which engine it is on.
/// </summary>
public abstract class CrmDbContext : DbContext
{
    protected CrmDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Line> Lines => Set<Line>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<PhoneNumber> PhoneNumbers => Set<PhoneNumber>();
    public DbSet<CallRecord> CallRecords => Set<CallRecord>();
    public DbSet<SipAccount> SipAccounts => Set<SipAccount>();
    public DbSet<Session> Sessions => Set<Session>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
}
