using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Crm.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => t.Name).IsUnique();

        // Removing a team leaves its members in no team; they and their calls stay.
        builder.HasMany(t => t.Members).WithOne(u => u.Team).HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
