namespace Governance.Core.Notifications;

/// <summary>The body a webhook receives.</summary>
public enum WebhookFormat
{
    /// <summary>The generic JSON event, signed with the webhook's secret (<see cref="WebhookSignature"/>).</summary>
    Json,

    /// <summary>Slack's incoming-webhook message: <c>text</c> and a <c>mrkdwn</c> section with a link to the console.</summary>
    Slack,
}
