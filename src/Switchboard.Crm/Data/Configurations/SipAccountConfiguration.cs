using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Crm.Data.Configurations;

internal sealed class SipAccountConfiguration : IEntityTypeConfiguration<SipAccount>
{
    public void Configure(EntityTypeBuilder<SipAccount> builder)
    {
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.Address).HasMaxLength(255);
        builder.Property(a => a.AuthUser).HasMaxLength(100);
        builder.Property(a => a.ProtectedPassword).HasMaxLength(2000);
        builder.Property(a => a.WebSocketUrl).HasMaxLength(500);
        builder.Property(a => a.DisplayName).HasMaxLength(200);
        builder.Property(a => a.DtmfTransport).HasConversion<string>().HasMaxLength(16).HasDefaultValue(DtmfTransport.Rfc4733).HasSentinel(DtmfTransport.Rfc4733);
        builder.Property(a => a.ProtectedIceServers).HasMaxLength(20000);

        // The account goes with its user.
        builder.HasOne(a => a.User).WithOne().HasForeignKey<SipAccount>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
