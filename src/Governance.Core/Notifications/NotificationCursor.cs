namespace Governance.Core.Notifications;

/// <summary>How far <c>NotificationFeed</c> has read a source: the audit chain's sequence, or the drift reports' time in UTC ticks.</summary>
public sealed class NotificationCursor
{
    /// <summary>The audit chain's cursor.</summary>
    public const string Audit = "audit";

    /// <summary>The drift reports' cursor.</summary>
    public const string Drift = "drift";

    /// <summary>Which source.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The last position read.</summary>
    public long Position { get; set; }
}
