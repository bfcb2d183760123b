namespace Governance.Core.Notifications;

/// <summary>Something webhooks are told about, recorded once (the outbox), whatever the number of webhooks or nodes.</summary>
/// <remarks>Written by <c>NotificationFeed</c> in the same transaction as its deliveries; never changed afterwards.</remarks>
public sealed class NotificationEvent
{
    /// <summary>For EF Core.</summary>
    private NotificationEvent()
    {
    }

    internal NotificationEvent(Guid id, string sourceKey, string type, DateTimeOffset occurredAt, string? actor, string? detail, string summary,
        Guid? requestId, Guid? grantId, Guid? reportId)
    {
        Id = id;
        SourceKey = sourceKey;
        Type = type;
        OccurredAt = occurredAt;
        Actor = actor;
        Detail = detail;
        Summary = summary;
        RequestId = requestId;
        GrantId = grantId;
        ReportId = reportId;
    }

    /// <summary>Its id: the <c>id</c> of the JSON event and the <c>X-Event-Id</c> header, for receivers to drop repeats.</summary>
    public Guid Id { get; private set; }

    /// <summary>What it was made from, unique: <c>audit:SEQUENCE</c>, <c>drift:REPORT</c> or <c>grant-ending:GRANT</c>.</summary>
    public string SourceKey { get; private set; } = string.Empty;

    /// <summary>One of <see cref="NotificationTypes"/>.</summary>
    public string Type { get; private set; } = string.Empty;

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who acted (a token subject or <c>system:…</c>); null for the scans.</summary>
    public string? Actor { get; private set; }

    /// <summary>The outcome, where a type has several: <c>approved</c>/<c>denied</c>, <c>expired</c>/<c>revoked</c>.</summary>
    public string? Detail { get; private set; }

    /// <summary>One line for people: what, on which role.</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>The request concerned, if any.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>The grant concerned, if any.</summary>
    public Guid? GrantId { get; private set; }

    /// <summary>The drift report concerned, if any.</summary>
    public Guid? ReportId { get; private set; }
}
