using System.Globalization;
using System.Text;
using Governance.Core.Notifications;

namespace Scheduler.Notifications;

/// <summary>Posts one event to one webhook, signed when its form is JSON; answers why it failed, or null when it was accepted.</summary>
/// <remarks>
/// The error names a status code or a transport error class and never the URL, whose query may hold a token, nor the
/// secret: it is stored, logged and shown by health as it is.
/// </remarks>
internal sealed class WebhookSender(IHttpClientFactory clients, NotificationOptions options, TimeProvider time)
{
    /// <summary>The named client: its timeout is <see cref="NotificationOptions.Timeout"/>, and it follows no redirect.</summary>
    public const string ClientName = "iamgov-webhooks";

    public async Task<string?> SendAsync(WebhookOptions webhook, NotificationEvent notification, CancellationToken cancellationToken)
    {
        var body = WebhookMessage.Body(notification, webhook.Format, options.ConsoleBaseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.EventIdHeader, notification.Id.ToString("D"));
        request.Headers.Add(WebhookSignature.EventTypeHeader, notification.Type);
        if (webhook.Format == WebhookFormat.Json)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(webhook.Secret!, time.GetUtcNow().ToUnixTimeSeconds(), body));
        }
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return $"no answer ({e.HttpRequestError})";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
    }
}
