using Microsoft.Extensions.Logging;

namespace Scheduler.Notifications;

/// <summary>The notification dispatcher's log messages (event ids 2301–2309). Webhooks are named by their configured name, never by URL or secret.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Webhook {Webhook} accepted {Type} event {EventId} (attempt {Attempt})")]
    public static partial void WebhookDelivered(this ILogger logger, string webhook, string type, Guid eventId, int attempt);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Webhook {Webhook} did not accept {Type} event {EventId} (attempt {Attempt} of {MaxAttempts}): {Error}; next attempt at {NextAttemptAt:u}")]
    public static partial void WebhookAttemptFailed(this ILogger logger, string webhook, string type, Guid eventId, int attempt, int maxAttempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "Webhook {Webhook}: {Type} event {EventId} given up after {Attempt} attempts: {Error}")]
    public static partial void WebhookGivenUp(this ILogger logger, string webhook, string type, Guid eventId, int attempt, string error);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "Notification dispatch failed, retried in {PollInterval}: {ExceptionType}: {Reason}")]
    public static partial void DispatchFailed(this ILogger logger, TimeSpan pollInterval, string exceptionType, string reason);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "Notifications go to {Count} webhook(s): {Webhooks}")]
    public static partial void WebhooksConfigured(this ILogger logger, int count, string webhooks);
}
