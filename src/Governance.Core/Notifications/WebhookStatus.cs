namespace Governance.Core.Notifications;

/// <summary>How a webhook's deliveries stand, as every node sees them in the database.</summary>
/// <param name="Webhook">The webhook's name.</param>
/// <param name="LastError">Why its most recent attempt failed; null when it succeeded or none was made.</param>
/// <param name="LastAttemptAt">When its most recent attempt started.</param>
/// <param name="Retrying">Deliveries that failed at least once and wait for another attempt.</param>
/// <param name="GivenUp">Deliveries whose every attempt failed.</param>
public sealed record WebhookStatus(string Webhook, string? LastError, DateTimeOffset? LastAttemptAt, int Retrying, int GivenUp)
{
    /// <summary>Whether its most recent attempt failed.</summary>
    public bool Failing => LastError is not null;
}
