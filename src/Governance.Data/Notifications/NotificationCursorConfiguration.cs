using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.Notifications;

/// <summary>Maps <see cref="NotificationCursor"/>: one row per source.</summary>
internal sealed class NotificationCursorConfiguration : IEntityTypeConfiguration<NotificationCursor>
{
    public void Configure(EntityTypeBuilder<NotificationCursor> builder)
    {
        builder.ToTable("notification_cursors");
        builder.HasKey(static c => c.Name);
        builder.Property(static c => c.Name).HasMaxLength(64);
    }
}
