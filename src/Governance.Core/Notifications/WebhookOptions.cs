namespace Governance.Core.Notifications;

/// <summary>One webhook: an entry of <c>Governance:Notifications:Webhooks</c>.</summary>
/// <remarks>The secret is read from configuration (an environment variable such as
/// <c>Governance__Notifications__Webhooks__0__Secret</c> keeps it out of files) and is never logged or shown.</remarks>
public sealed class WebhookOptions
{
    /// <summary>Its name, unique among the webhooks: what logs and health name it by.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The absolute http or https URL events are posted to.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The body's form; default <see cref="WebhookFormat.Json"/>.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>The HMAC-SHA256 key the JSON form is signed with; required for it.</summary>
    public string? Secret { get; set; }

    /// <summary>The event types it receives (<see cref="NotificationTypes"/>); empty for all.</summary>
    public IList<string> Events { get; } = [];

    /// <summary>Whether it receives events of <paramref name="type"/>.</summary>
    public bool Receives(string type) => Events.Count == 0 || Events.Contains(type, StringComparer.Ordinal);
}
