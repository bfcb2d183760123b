using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.AuditTrail;

/// <summary>Maps <see cref="AuditEvent"/>; the sequence is the key, so two writers can never both append event N.</summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    /// <summary>The table's name, which the append-only triggers and tests name too.</summary>
    public const string Table = "audit_events";

    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(static e => e.Sequence);
        builder.Property(static e => e.Sequence).ValueGeneratedNever();
        builder.Property(static e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(static e => e.Action).HasMaxLength(64).IsRequired();
        // Plain text, never jsonb: the hash covers the exact characters, and jsonb would reorder keys.
        builder.Property(static e => e.Before);
        builder.Property(static e => e.After);
        builder.Property(static e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(static e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(static e => e.RequestId);
        builder.HasIndex(static e => e.GrantId);
    }
}
