using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Crm.Data.Configurations;

internal sealed class PhoneNumberConfiguration : IEntityTypeConfiguration<PhoneNumber>
{
    public void Configure(EntityTypeBuilder<PhoneNumber> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_PhoneNumbers_OneOwner", "(\"ContactId\" IS NULL) <> (\"AccountId\" IS NULL)"));
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Raw).HasMaxLength(64);
        builder.Property(p => p.E164).HasMaxLength(16);
        builder.Property(p => p.ReversedDigits).HasMaxLength(16);
        builder.HasIndex(p => p.E164);
        builder.HasIndex(p => p.ReversedDigits);
    }
}
