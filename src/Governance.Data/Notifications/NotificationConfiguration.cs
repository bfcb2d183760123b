using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.Notifications;

/// <summary>Maps <see cref="NotificationEvent"/>; its source key is unique, so an event is recorded once.</summary>
internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationEvent>
{
    public void Configure(EntityTypeBuilder<NotificationEvent> builder)
    {
        builder.ToTable("notification_events");
        builder.HasKey(static e => e.Id);
        builder.Property(static e => e.Id).ValueGeneratedNever();
        builder.Property(static e => e.SourceKey).HasMaxLength(128).IsRequired();
        builder.Property(static e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(static e => e.Actor).HasMaxLength(256);
        builder.Property(static e => e.Detail).HasMaxLength(64);
        builder.Property(static e => e.Summary).HasMaxLength(1024).IsRequired();
        builder.HasIndex(static e => e.SourceKey).IsUnique();
    }
}
