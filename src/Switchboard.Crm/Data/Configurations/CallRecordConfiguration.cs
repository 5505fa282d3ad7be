using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Crm.Data.Configurations;

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> builder)
    {
        builder.Property(c => c.PbxCallId).HasMaxLength(255);
        builder.Property(c => c.Line).HasMaxLength(32);
        builder.Property(c => c.ConversationId).HasMaxLength(255);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CallerNumber).HasMaxLength(64);
        builder.Property(c => c.CallerName).HasMaxLength(200);
        builder.Property(c => c.CalleeNumber).HasMaxLength(64);
        builder.Property(c => c.RedirectedFrom).HasMaxLength(64);
        builder.Property(c => c.RedirectedTo).HasMaxLength(64);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.EndReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ParentPbxCallId).HasMaxLength(255);
        builder.Property(c => c.Comment).HasMaxLength(4000);
        builder.Property(c => c.RecordingFile).HasMaxLength(1024);

        // The idempotency key: a retried or racing save of the same call finds this row.
        builder.HasIndex(c => new { c.PbxCallId, c.Line }).IsUnique();

        // Keyset paging, newest first: for everyone, and for an agent's own lines.
        builder.HasIndex(c => new { c.StartedAt, c.Id });
        builder.HasIndex(c => new { c.Line, c.StartedAt, c.Id });

        // A consultation saved before its parent is linked when the parent arrives. Partial: most
        // calls have no parent, and SQLite's statistics count all their NULLs as one value that
        // matches millions of rows, after which its planner scanned the log instead.
        builder.HasIndex(c => new { c.ParentPbxCallId, c.Line }).HasFilter("\"ParentPbxCallId\" IS NOT NULL");
        builder.HasIndex(c => c.ConversationId);

        // The Calls section's other orders and filters, each read newest first: by duration, by the
        // agent who handled the call (and so a supervisor's team), by contact and by account.
        builder.HasIndex(c => new { c.DurationSeconds, c.Id });
        builder.HasIndex(c => new { c.UserId, c.StartedAt, c.Id });
        builder.HasIndex(c => new { c.ContactId, c.StartedAt, c.Id });
        builder.HasIndex(c => new { c.AccountId, c.StartedAt, c.Id });
    }
}
