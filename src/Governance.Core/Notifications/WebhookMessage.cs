using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Formats;

namespace Governance.Core.Notifications;

/// <summary>The body one webhook receives for one event: the generic JSON event, or a Slack message.</summary>
public static class WebhookMessage
{
    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);

    /// <summary>The body of <paramref name="notification"/> in <paramref name="format"/>, linking to the console at <paramref name="consoleBaseUrl"/>.</summary>
    public static string Body(NotificationEvent notification, WebhookFormat format, string consoleBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var link = Link(notification, consoleBaseUrl);
        return format == WebhookFormat.Slack ? Slack(notification, link) : Json(notification, link);
    }

    /// <summary>
    /// The console page an event is about: the request's page (<c>/requests/{id}</c>, for grants too: a grant is its
    /// request's outcome), or the audit page, which lists the drift reports (<c>/audit</c>).
    /// </summary>
    /// <remarks>
    /// The console's own addresses (the API's <c>ConsolePaths</c>) are the same; this project cannot reference the web
    /// project, so the API's webhook tests compare the two. A link never points at <c>/v1</c>: those addresses take
    /// bearer tokens only, which a person following a link from a chat does not have.
    /// </remarks>
    public static string Link(NotificationEvent notification, string consoleBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(consoleBaseUrl);
        var root = consoleBaseUrl.TrimEnd('/');
        return notification switch
        {
            { RequestId: { } request } => $"{root}/requests/{request:D}",
            { ReportId: not null } => $"{root}/audit",
            _ => root + "/",
        };
    }

    private static string Json(NotificationEvent e, string link)
    {
        var body = new JsonObject
        {
            ["id"] = e.Id.ToString("D"),
            ["type"] = e.Type,
            ["occurredAt"] = UtcTimestamp.Format(e.OccurredAt),
            ["subject"] = new JsonObject
            {
                ["requestId"] = e.RequestId?.ToString("D"),
                ["grantId"] = e.GrantId?.ToString("D"),
                ["reportId"] = e.ReportId?.ToString("D"),
            },
            ["actor"] = e.Actor,
            ["detail"] = e.Detail,
            ["summary"] = e.Summary,
            ["link"] = link,
        };
        return body.ToJsonString(Compact);
    }

    /// <summary>Slack's incoming-webhook form: <c>text</c> for notifications and clients without blocks, and one mrkdwn section.</summary>
    private static string Slack(NotificationEvent e, string link)
    {
        var title = Title(e);
        var text = $"{title}: {e.Summary}";
        var body = new JsonObject
        {
            ["text"] = Escape(text),
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject
                {
                    ["type"] = "mrkdwn",
                    ["text"] = $"*{Escape(title)}*\n{Escape(e.Summary)}\n<{link}|Open in the console>",
                },
            }),
        };
        return body.ToJsonString(Compact);
    }

    private static string Title(NotificationEvent e) => e.Type switch
    {
        NotificationTypes.RequestSubmitted => "Access request submitted",
        NotificationTypes.RequestDecided => $"Access request {e.Detail}",
        NotificationTypes.RequestExpired => "Access request expired",
        NotificationTypes.GrantActivated => "Access granted",
        NotificationTypes.GrantEnding => "Access ends within the hour",
        NotificationTypes.GrantEnded => $"Access ended ({e.Detail})",
        NotificationTypes.DriftFindings => "New Critical or High drift findings",
        _ => e.Type,
    };

    /// <summary>Slack's control characters in text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (Slack's "escaping text" rule).</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
