namespace TestSupport.Net;

/// <summary>One POST a <see cref="WebhookReceiver"/> got: its path, headers and body as sent, and the status it answered.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus)
{
    /// <summary>The header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
