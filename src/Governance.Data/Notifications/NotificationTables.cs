using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Notifications;

/// <summary>The notification outbox's tables in the governance database.</summary>
public static class NotificationTables
{
    extension(GovernanceDbContext db)
    {
        /// <summary>Events to tell webhooks about, one per occurrence.</summary>
        public DbSet<NotificationEvent> NotificationEvents => db.Set<NotificationEvent>();

        /// <summary>One row per event and webhook.</summary>
        public DbSet<WebhookDelivery> WebhookDeliveries => db.Set<WebhookDelivery>();

        /// <summary>How far the feed has read each source.</summary>
        public DbSet<NotificationCursor> NotificationCursors => db.Set<NotificationCursor>();
    }
}
