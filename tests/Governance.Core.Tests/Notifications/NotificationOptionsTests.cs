using Governance.Core.Hosting;
using Governance.Core.Notifications;
using Microsoft.Extensions.Configuration;

namespace Governance.Core.Tests.Notifications;

public sealed class NotificationOptionsTests
{
    [Fact]
    public void Read_WebhooksFromConfiguration_BindsEveryField()
    {
        // Arrange
        var configuration = Configuration(new()
        {
            ["Governance:Notifications:Webhooks:0:Name"] = "ops",
            ["Governance:Notifications:Webhooks:0:Url"] = "https://hooks.example.test/in",
            ["Governance:Notifications:Webhooks:0:Secret"] = "s3cret",
            ["Governance:Notifications:Webhooks:0:Events:0"] = "request.submitted",
            ["Governance:Notifications:Webhooks:1:Name"] = "chat",
            ["Governance:Notifications:Webhooks:1:Url"] = "https://hooks.slack.test/services/T/B/X",
            ["Governance:Notifications:Webhooks:1:Format"] = "Slack",
        });

        // Act
        var options = GovernanceOptions.Read(configuration).Notifications;

        // Assert
        Assert.Equal(["ops", "chat"], options.Webhooks.Select(static h => h.Name));
        Assert.Equal((WebhookFormat.Json, "s3cret"), (options.Webhooks[0].Format, options.Webhooks[0].Secret));
        Assert.True(options.Webhooks[0].Receives("request.submitted"));
        Assert.False(options.Webhooks[0].Receives("grant.ended"));
        Assert.True(options.Webhooks[1].Receives("grant.ended"), "no Events list means every event");
        Assert.Empty(options.Validate());
        Assert.Equal("http://localhost:5000", options.ConsoleBaseUrl);
    }

    [Fact]
    public void Validate_WrongWebhooks_NamesEachKeyWithoutTheUrlOrSecret()
    {
        // Arrange
        var configuration = Configuration(new()
        {
            ["Governance:Notifications:Webhooks:0:Name"] = "ops",
            ["Governance:Notifications:Webhooks:0:Url"] = "ftp://hooks.example.test/in?token=t0ken",
            ["Governance:Notifications:Webhooks:1:Name"] = "ops",
            ["Governance:Notifications:Webhooks:1:Url"] = "https://hooks.example.test/in",
            ["Governance:Notifications:Webhooks:1:Secret"] = "s3cret",
            ["Governance:Notifications:Webhooks:1:Events:0"] = "request.approved",
        });

        // Act
        var failures = GovernanceOptions.Read(configuration).Notifications.Validate().ToList();

        // Assert
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, static f => f.StartsWith("Governance:Notifications:Webhooks:0:Url must be", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Governance:Notifications:Webhooks:0:Secret is required", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Governance:Notifications:Webhooks:1:Name `ops` is used", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Governance:Notifications:Webhooks:1:Events: unknown event `request.approved`", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, static f => f.Contains("t0ken", StringComparison.Ordinal) || f.Contains("s3cret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(60, 3600)]
    public void RetryDelayAfter_Attempts_DoublesUpToTheCap(int attempts, int seconds)
    {
        // Arrange: the defaults, 30 s doubling up to an hour
        var options = new NotificationOptions();

        // Act
        var delay = options.RetryDelayAfter(attempts);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
