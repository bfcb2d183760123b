namespace Governance.Core.Notifications;

/// <summary>Where one event's delivery to one webhook stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet: due at its next attempt time.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every allowed attempt failed.</summary>
    Failed,
}
