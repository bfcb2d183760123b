using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Api.Console;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Notifications;

namespace Governance.Api.Tests.Notifications;

/// <summary>Webhooks through the real service: what a request's submission and decision send, and what health says of a receiver that is down.</summary>
public abstract class WebhookNotificationTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : WebhookFixture
{
    [SkippableFact]
    public async Task Submit_ReceiverHangs_AnswersBeforeAnyDeliveryIsTried()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var (connectionsBefore, receivedBefore) = (Fixture.Down.Accepted, Fixture.Receiver.Received.Count);

        // Act
        var watch = Stopwatch.StartNew();
        var submitted = await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{Bucket()}/*"));
        watch.Stop();

        // Assert: the request is answered without a connection to any receiver, well inside the webhook timeout
        Assert.Equal("Pending", submitted.GetProperty("status").GetString());
        Assert.Equal(connectionsBefore, Fixture.Down.Accepted);
        Assert.Equal(receivedBefore, Fixture.Receiver.Received.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"submission took {watch.Elapsed}, the webhook timeout is 3 s");

        // Act: the dispatcher's pass delivers it, the hanging receiver costing the pass its timeout
        var run = await Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.True(run.Delivered >= 2 && run.Failed >= 1, $"{run}");
        var id = submitted.GetProperty("id").GetString()!;
        Assert.Single(Fixture.Receiver.Received, r => r.Path == "/json" && r.Body.Contains(id, StringComparison.Ordinal));
        Assert.True(Fixture.Down.Accepted > connectionsBefore, "the dispatcher tried the hanging receiver");
    }

    [SkippableFact]
    public async Task Approve_Request_SendsSignedEventsAndASlackLinkToTheRequestPage()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{Bucket()}/*"))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(bob, id, "ok")).Status);

        // Act
        await Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert: the JSON receiver got submitted, decided (approved) and activated, each signed with the secret
        var json = Fixture.Receiver.Received.Where(r => r.Path == "/json" && r.Body.Contains(id, StringComparison.Ordinal)).ToList();
        var types = new List<string>();
        foreach (var received in json)
        {
            var signature = received.Header("X-Signature")!.Split(',').Select(static p => p.Split('=', 2)).ToDictionary(static p => p[0], static p => p[1]);
            var signed = $"{signature["t"]}.{received.Body}";
            Assert.Equal(Hmac(WebhookFixture.Secret, signed), signature["v1"]);
            Assert.NotEqual(Hmac(WebhookFixture.DownSecret, signed), signature["v1"]);
            Assert.Equal(Factory.Time.GetUtcNow().ToUnixTimeSeconds(), long.Parse(signature["t"], CultureInfo.InvariantCulture));
            using var body = JsonDocument.Parse(received.Body);
            Assert.Equal(received.Header("X-Event-Id"), body.RootElement.GetProperty("id").GetString());
            Assert.Equal(WebhookFixture.ConsoleBaseUrl + ConsolePaths.Request(Guid.Parse(id)), body.RootElement.GetProperty("link").GetString());
            types.Add($"{body.RootElement.GetProperty("type").GetString()}/{body.RootElement.GetProperty("detail").GetString()}");
        }
        Assert.Equal(["grant.activated/", "request.decided/approved", "request.submitted/"], types.Order(StringComparer.Ordinal));

        // Assert: the Slack receiver got the same three, as mrkdwn sections linking to the request's page
        var slack = Fixture.Receiver.Received.Where(r => r.Path == "/slack" && r.Body.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, slack.Count);
        foreach (var received in slack)
        {
            Assert.Null(received.Header("X-Signature"));
            using var body = JsonDocument.Parse(received.Body);
            var section = Assert.Single(body.RootElement.GetProperty("blocks").EnumerateArray());
            Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
            Assert.Contains($"<{WebhookFixture.ConsoleBaseUrl}{ConsolePaths.Request(Guid.Parse(id))}|", section.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Health_WebhookDown_ReadyIsDegradedNamingItWithoutUrlOrSecret()
    {
        // Arrange: a submission the hanging receiver is sent, and fails to answer
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{Bucket()}/*"));
        await Dispatcher.RunOnceAsync(CancellationToken.None);

        // Act
        var response = await Factory.CreateClient().GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        var webhooks = body.RootElement.GetProperty("checks").GetProperty("webhooks");
        Assert.Equal("Degraded", webhooks.GetProperty("status").GetString());
        var description = webhooks.GetProperty("description").GetString()!;
        Assert.Contains("webhook `down`: last attempt failed: no answer within 3 s", description, StringComparison.Ordinal);
        Assert.DoesNotContain("`sink`", description, StringComparison.Ordinal);
        foreach (var hidden in new[] { "query-secret", WebhookFixture.DownSecret, "127.0.0.1", Fixture.Down.Url })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
        }
    }

    private WebhookDispatcher Dispatcher => Factory.Services.GetRequiredService<WebhookDispatcher>();

    private static string Bucket() => $"lake-wh-{Guid.NewGuid():N}"[..20];

    private static string Hmac(string key, string text)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
}
