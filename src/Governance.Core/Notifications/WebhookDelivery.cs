namespace Governance.Core.Notifications;

/// <summary>One event for one webhook: its attempts, the next one's time, the last error.</summary>
/// <remarks>
/// A node claims an attempt by raising <see cref="Attempts"/> from the value it read and pushing
/// <see cref="NextAttemptAt"/> past the attempt's lease (<c>DeliveryQueue.TryClaimAsync</c>), so two nodes never
/// send the same attempt; a node killed mid-attempt leaves the row due again once the lease has passed.
/// </remarks>
public sealed class WebhookDelivery
{
    /// <summary>For EF Core.</summary>
    private WebhookDelivery()
    {
    }

    internal WebhookDelivery(Guid id, NotificationEvent notification, string webhook, DateTimeOffset dueAt)
    {
        Id = id;
        Event = notification;
        EventId = notification.Id;
        Webhook = webhook;
        Status = DeliveryStatus.Pending;
        NextAttemptAt = dueAt;
    }

    /// <summary>Its id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The event's id.</summary>
    public Guid EventId { get; private set; }

    /// <summary>The event.</summary>
    public NotificationEvent Event { get; private set; } = null!;

    /// <summary>The webhook's name.</summary>
    public string Webhook { get; private set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public DeliveryStatus Status { get; private set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>When it is due: the next attempt, or the end of the running attempt's lease.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>When the last attempt started.</summary>
    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>Why the last attempt failed (a status code or a transport error, never the URL or secret); null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }
}
