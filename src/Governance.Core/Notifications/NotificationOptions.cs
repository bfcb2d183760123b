namespace Governance.Core.Notifications;

/// <summary>The <c>Governance:Notifications</c> configuration section: webhooks and how their deliveries are retried.</summary>
public sealed class NotificationOptions
{
    /// <summary>The console's public address, for links in messages (<c>{ConsoleBaseUrl}/requests/{id}</c>); default <c>http://localhost:5000</c>.</summary>
    public string ConsoleBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The webhooks; none by default.</summary>
    public IList<WebhookOptions> Webhooks { get; } = [];

    /// <summary>How often each node looks for new events and due deliveries; default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one delivery may take before it counts as failed; default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per delivery before it is given up; default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt, doubled after each further one; default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts; default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before a grant ends <see cref="NotificationTypes.GrantEnding"/> is sent; default 1 hour.</summary>
    public TimeSpan GrantEndingNotice { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long delivered and given-up events are kept in the outbox; default 30 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // Doubling from RetryDelay; the exponent is bounded so the multiplication cannot overflow before the cap applies.
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>What is wrong with the section, each naming its key; empty when nothing is.</summary>
    public IEnumerable<string> Validate()
    {
        const string Key = "Governance:Notifications";
        if (!Uri.TryCreate(ConsoleBaseUrl, UriKind.Absolute, out var console) || (console.Scheme != Uri.UriSchemeHttp && console.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Key}:ConsoleBaseUrl must be an absolute http or https URL; it is `{ConsoleBaseUrl}`";
        }
        if (PollInterval <= TimeSpan.Zero || Timeout <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay || GrantEndingNotice <= TimeSpan.Zero
            || Retention <= GrantEndingNotice)
        {
            yield return $"{Key}: PollInterval, Timeout, RetryDelay and GrantEndingNotice must be positive, MaxRetryDelay at least RetryDelay, and Retention longer than GrantEndingNotice";
        }
        if (MaxAttempts < 1)
        {
            yield return $"{Key}:MaxAttempts must be at least 1; it is {MaxAttempts}";
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Webhooks.Count; i++)
        {
            var hook = Webhooks[i];
            var at = $"{Key}:Webhooks:{i}";
            if (string.IsNullOrWhiteSpace(hook.Name) || hook.Name.Length > 128)
            {
                yield return $"{at}:Name is required, at most 128 characters";
            }
            else if (!names.Add(hook.Name))
            {
                yield return $"{at}:Name `{hook.Name}` is used by another webhook";
            }
            // The URL is not echoed: its query may carry a token.
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return $"{at}:Url must be an absolute http or https URL";
            }
            if (hook.Format == WebhookFormat.Json && string.IsNullOrEmpty(hook.Secret))
            {
                yield return $"{at}:Secret is required with Format=Json: receivers verify the X-Signature header with it";
            }
            foreach (var type in hook.Events.Where(static t => !NotificationTypes.All.Contains(t)))
            {
                yield return $"{at}:Events: unknown event `{type}`; known: {string.Join(", ", NotificationTypes.All.Order(StringComparer.Ordinal))}";
            }
        }
    }
}
