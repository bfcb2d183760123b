using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Core.Notifications;

/// <summary>Maps <see cref="WebhookDelivery"/>: one row per event and webhook, found by status and due time.</summary>
internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(static d => d.Id);
        builder.Property(static d => d.Id).ValueGeneratedNever();
        builder.Property(static d => d.Webhook).HasMaxLength(128).IsRequired();
        builder.Property(static d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(static d => d.LastError).HasMaxLength(512);
        builder.HasOne(static d => d.Event).WithMany().HasForeignKey(static d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(static d => new { d.EventId, d.Webhook }).IsUnique();
        builder.HasIndex(static d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(static d => new { d.Webhook, d.LastAttemptAt });
    }
}
