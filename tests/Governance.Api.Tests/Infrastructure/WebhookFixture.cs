using Microsoft.AspNetCore.Hosting;
using TestSupport.Net;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The service with three webhooks: <c>sink</c> (signed JSON) and <c>chat</c> (Slack) on a real loopback receiver, and
/// <c>down</c>, a receiver that accepts connections and never answers. The dispatch loop waits a day of the fake
/// clock between passes, so the tests drive every pass themselves.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The receivers live as long as the test process; the fixture's own disposal (ApiFixture) stops the service first.")]
public abstract class WebhookFixture : ApiFixture
{
    public const string Secret = "whsec-api-7d2e";
    public const string DownSecret = "whsec-down-91aa";
    public const string ConsoleBaseUrl = "https://console.example.test";

    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    public SilentListener Down { get; } = SilentListener.Start();

    protected override void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Governance:Notifications:ConsoleBaseUrl", ConsoleBaseUrl);
        builder.UseSetting("Governance:Notifications:PollInterval", "1.00:00:00");
        builder.UseSetting("Governance:Notifications:Timeout", "00:00:03");
        builder.UseSetting("Governance:Notifications:Webhooks:0:Name", "sink");
        builder.UseSetting("Governance:Notifications:Webhooks:0:Url", Receiver.Url + "json");
        builder.UseSetting("Governance:Notifications:Webhooks:0:Secret", Secret);
        builder.UseSetting("Governance:Notifications:Webhooks:1:Name", "chat");
        builder.UseSetting("Governance:Notifications:Webhooks:1:Url", Receiver.Url + "slack");
        builder.UseSetting("Governance:Notifications:Webhooks:1:Format", "Slack");
        builder.UseSetting("Governance:Notifications:Webhooks:2:Name", "down");
        builder.UseSetting("Governance:Notifications:Webhooks:2:Url", Down.Url + "?token=query-secret");
        builder.UseSetting("Governance:Notifications:Webhooks:2:Secret", DownSecret);
        builder.UseSetting("Governance:Notifications:Webhooks:2:Events:0", "request.submitted");
    }
}
