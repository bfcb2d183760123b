using System.Collections.Frozen;

namespace Governance.Core.Notifications;

/// <summary>The stable names of the events webhooks receive, which <c>Events</c> in a webhook's settings lists.</summary>
public static class NotificationTypes
{
    /// <summary>An engineer submitted an access request.</summary>
    public const string RequestSubmitted = "request.submitted";

    /// <summary>A request was approved or denied; the detail says which.</summary>
    public const string RequestDecided = "request.decided";

    /// <summary>A request stayed pending too long and was closed.</summary>
    public const string RequestExpired = "request.expired";

    /// <summary>A grant was provisioned: the access is live.</summary>
    public const string GrantActivated = "grant.activated";

    /// <summary>An active grant ends within the notice period (an hour by default); sent once per grant.</summary>
    public const string GrantEnding = "grant.ending";

    /// <summary>A grant ended: expired or revoked; the detail says which.</summary>
    public const string GrantEnded = "grant.ended";

    /// <summary>A drift report has Critical or High findings the previous report did not have.</summary>
    public const string DriftFindings = "drift.findings";

    /// <summary>Every type.</summary>
    public static FrozenSet<string> All { get; } = FrozenSet.Create(StringComparer.Ordinal,
        RequestSubmitted, RequestDecided, RequestExpired, GrantActivated, GrantEnding, GrantEnded, DriftFindings);
}
