using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Crm.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasMany(c => c.PhoneNumbers).WithOne(p => p.Contact).HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
