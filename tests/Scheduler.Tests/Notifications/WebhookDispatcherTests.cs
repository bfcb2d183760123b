using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Core.Drift.Records;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Notifications;
using Governance.Core.Risk;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TestSupport.Net;

namespace Scheduler.Tests.Notifications;

/// <summary>The outbox end to end against a real HTTP receiver on loopback: feed, delivery, signature, retries, several nodes.</summary>
public abstract class WebhookDispatcherTests : IAsyncLifetime
{
    private const string Secret = "whsec-test-3f9a1c";
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly List<NotificationNode> _nodes = [];
    private WebhookReceiver _receiver = null!;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The test's database, migrated; null (with the reason) when it cannot be had here.</summary>
    protected abstract Task<(string? ConnectionString, string? Unavailable)> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    private string? ConnectionString { get; set; }

    private string? Unavailable { get; set; }

    public async Task InitializeAsync()
    {
        _receiver = WebhookReceiver.Start();
        (ConnectionString, Unavailable) = await CreateDatabaseAsync();
        if (ConnectionString is not null)
        {
            await using var db = GovernanceDatabase.Create(Provider, ConnectionString);
            await GovernanceDatabase.MigrateAsync(db, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        await _receiver.DisposeAsync();
        if (ConnectionString is not null)
        {
            await DropDatabaseAsync(ConnectionString);
        }
    }

    [SkippableFact]
    public async Task RunOnce_JsonWebhook_PostsEventSignedWithTheSecret()
    {
        // Arrange
        var node = await StartNodeAsync(new FakeTimeProvider(Start));
        var requestId = Guid.NewGuid();
        await node.AppendAsync(AuditActions.RequestCreated, requestId);

        // Act
        var run = await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new(Recorded: 1, Delivered: 1, Failed: 0), run);
        var received = Assert.Single(_receiver.Received);
        var (timestamp, signature) = ParseSignature(received.Header("X-Signature"));
        Assert.Equal(Start.ToUnixTimeSeconds(), timestamp);
        Assert.Equal(Hmac(Secret, $"{timestamp}.{received.Body}"), signature);
        Assert.NotEqual(Hmac("another-secret", $"{timestamp}.{received.Body}"), signature);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(received.Header("X-Signature"), received.Body, Secret, Start, WebhookSignature.DefaultTolerance));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(received.Header("X-Signature"), received.Body, "another-secret", Start, WebhookSignature.DefaultTolerance));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(received.Header("X-Signature"), received.Body + " ", Secret, Start, WebhookSignature.DefaultTolerance));
        Assert.Equal(SignatureCheck.Stale, WebhookSignature.Verify(received.Header("X-Signature"), received.Body, Secret, Start.AddMinutes(6), WebhookSignature.DefaultTolerance));
        using var body = JsonDocument.Parse(received.Body);
        var json = body.RootElement;
        Assert.Equal("request.submitted", json.GetProperty("type").GetString());
        Assert.Equal(received.Header("X-Event-Id"), json.GetProperty("id").GetString());
        Assert.Equal(requestId.ToString("D"), json.GetProperty("subject").GetProperty("requestId").GetString());
        Assert.Equal($"http://console.test/requests/{requestId:D}", json.GetProperty("link").GetString());
        Assert.Equal("2026-12-04T09:00:00.000000Z", json.GetProperty("occurredAt").GetString());
    }

    [SkippableFact]
    public async Task RunOnce_SlackWebhook_PostsMrkdwnSectionWithTheRequestLink()
    {
        // Arrange
        var node = await StartNodeAsync(new FakeTimeProvider(Start), format: "Slack");
        var requestId = Guid.NewGuid();
        await node.AppendAsync(AuditActions.RequestDenied, requestId, actor: "bob");

        // Act
        await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        var received = Assert.Single(_receiver.Received);
        Assert.Null(received.Header("X-Signature"));
        using var body = JsonDocument.Parse(received.Body);
        Assert.Contains("denied", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var section = Assert.Single(body.RootElement.GetProperty("blocks").EnumerateArray());
        Assert.Equal("section", section.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Contains($"<http://console.test/requests/{requestId:D}|", section.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RunOnce_ReceiverFailsTwice_DeliversOnTheThirdAttemptAfterBackoff()
    {
        // Arrange: retries after 10 s, then 20 s
        var time = new FakeTimeProvider(Start);
        var node = await StartNodeAsync(time);
        _receiver.RespondWith(500, 500);
        await node.AppendAsync(AuditActions.GrantProvisioned, Guid.NewGuid(), Guid.NewGuid());

        // Act and assert, attempt by attempt
        Assert.Equal(1, (await node.Dispatcher.RunOnceAsync(CancellationToken.None)).Failed);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(new(0, 0, 0), await node.Dispatcher.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await node.Dispatcher.RunOnceAsync(CancellationToken.None)).Failed);
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(new(0, 0, 0), await node.Dispatcher.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await node.Dispatcher.RunOnceAsync(CancellationToken.None)).Delivered);

        Assert.Equal([500, 500, 200], _receiver.Received.Select(static r => r.AnsweredStatus));
        Assert.Single(_receiver.Received.Select(static r => r.Header("X-Event-Id")).Distinct());
        await using var db = node.CreateContext();
        var delivery = await db.WebhookDeliveries.SingleAsync();
        Assert.Equal((DeliveryStatus.Delivered, 3, Start.AddSeconds(30)), (delivery.Status, delivery.Attempts, delivery.DeliveredAt!.Value));
        Assert.False(Assert.Single(await node.StatusAsync()).Failing, "the last attempt succeeded");
    }

    [SkippableFact]
    public async Task RunOnce_ReceiverFailsInAPass_ItsOtherEventsWaitForTheNextPass()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var node = await StartNodeAsync(time);
        _receiver.RespondWith(500);
        await node.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());
        await node.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());

        // Act
        var failing = await node.Dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        var recovered = await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal((0, 1), (failing.Delivered, failing.Failed));
        Assert.Equal((2, 0), (recovered.Delivered, recovered.Failed));
        Assert.Equal([500, 200, 200], _receiver.Received.Select(static r => r.AnsweredStatus));
    }

    [SkippableFact]
    public async Task RunOnce_ReceiverAlwaysFails_GivesUpAfterMaxAttemptsAndReportsIt()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var node = await StartNodeAsync(time, maxAttempts: 3);
        _receiver.RespondWith(503, 503, 503, 503);
        await node.AppendAsync(AuditActions.RequestExpired, Guid.NewGuid());

        // Act: well past every backoff
        for (var i = 0; i < 6; i++)
        {
            await node.Dispatcher.RunOnceAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(5));
        }

        // Assert
        Assert.Equal(3, _receiver.Received.Count);
        var status = Assert.Single(await node.StatusAsync());
        Assert.Equal(("hook", "HTTP 503", 0, 1), (status.Webhook, status.LastError, status.Retrying, status.GivenUp));
    }

    [SkippableFact]
    public async Task RunOnce_TwoNodesOnOneDatabase_DeliverEachEventOnce()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var first = await StartNodeAsync(time);
        var second = await StartNodeAsync(time);
        const int Events = 12;
        for (var i = 0; i < Events; i++)
        {
            await first.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());
        }

        // Act: both nodes pass at once, several times
        for (var round = 0; round < 4; round++)
        {
            await Task.WhenAll(
                Task.Run(() => first.Dispatcher.RunOnceAsync(CancellationToken.None)),
                Task.Run(() => second.Dispatcher.RunOnceAsync(CancellationToken.None)));
        }

        // Assert
        var ids = _receiver.Received.Select(static r => r.Header("X-Event-Id")).ToList();
        Assert.Equal(Events, ids.Count);
        Assert.Equal(Events, ids.Distinct().Count());
        await using var db = first.CreateContext();
        Assert.Equal(Events, await db.NotificationEvents.CountAsync());
    }

    [SkippableFact]
    public async Task RunOnce_NodeKilledMidAttempt_AnotherNodeDeliversAfterTheLease()
    {
        // Arrange: the first node records the event and claims its attempt, then dies without sending it
        var time = new FakeTimeProvider(Start);
        var dying = await StartNodeAsync(time);
        await dying.AppendAsync(AuditActions.RequestApproved, Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(1, await dying.Dispatcher.FeedAsync(CancellationToken.None));
        var (delivery, attempt) = await dying.ClaimAndStopAsync();
        var survivor = await StartNodeAsync(time);

        // Act: within the lease (twice the 10 s timeout plus 30 s), then after it
        var during = await survivor.Dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(49));
        var justBefore = await survivor.Dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = await survivor.Dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await dying.RecordDeliveredAsync(delivery, attempt); // a late word from the first attempt changes nothing

        // Assert
        Assert.Equal((0, 0, 1), (during.Delivered, justBefore.Delivered, after.Delivered));
        Assert.Single(_receiver.Received);
        await using var db = survivor.CreateContext();
        var row = await db.WebhookDeliveries.SingleAsync();
        Assert.Equal((DeliveryStatus.Delivered, 2, Start.AddSeconds(50)), (row.Status, row.Attempts, row.DeliveredAt!.Value));
    }

    [SkippableFact]
    public async Task Loop_PollIntervalPasses_DeliversWithoutAnyCall()
    {
        // Arrange: the hosted service as a host starts it
        var time = new FakeTimeProvider(Start);
        var node = new NotificationNode(Provider, ConnectionStringOrSkip(), time, Settings());
        _nodes.Add(node);
        await node.Loop.StartAsync(CancellationToken.None);
        try
        {
            await node.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());

            // Act: the default poll interval, 5 s, passes, as often as it takes the loop (busy with its first pass on a
            // loaded machine, its next wait not yet set on the clock) to be waiting when it does; nothing else calls it
            var received = _receiver.Received;
            for (var passes = 0; passes < 20 && received.Count == 0; passes++)
            {
                time.Advance(TimeSpan.FromSeconds(5));
                try
                {
                    received = await _receiver.WaitForAsync(1, TimeSpan.FromSeconds(2));
                }
                catch (TimeoutException)
                {
                    // not waiting yet when the clock moved: move it again
                }
            }

            // Assert
            Assert.Equal("request.submitted", Assert.Single(received).Header("X-Event-Type"));
        }
        finally
        {
            await node.Loop.StopAsync(CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task RunOnce_GrantEndingWithinTheHour_NotifiesOncePerGrant()
    {
        // Arrange: a four-hour grant that started an hour ago
        var time = new FakeTimeProvider(Start);
        var node = await StartNodeAsync(time);
        var window = new GrantWindow(Start.AddHours(-1), Start.AddHours(3));
        var grant = new Grant(Guid.NewGuid(), Guid.NewGuid(), "alice", "lake-read", "data-engineer", "arn:aws:iam::111122223333:role/data-engineer",
            GrantPolicy.WithExpiry("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", window), window);
        await using (var db = node.CreateContext())
        {
            db.Grants.Add(grant);
            await db.SaveChangesAsync();
        }

        // Act
        var early = await node.Dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var within = await node.Dispatcher.RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        var later = await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal((0, 1, 0), (early.Recorded, within.Recorded, later.Recorded));
        using var body = JsonDocument.Parse(Assert.Single(_receiver.Received).Body);
        Assert.Equal("grant.ending", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(grant.Id.ToString("D"), body.RootElement.GetProperty("subject").GetProperty("grantId").GetString());
        Assert.Equal($"http://console.test/requests/{grant.RequestId:D}", body.RootElement.GetProperty("link").GetString());
    }

    [SkippableFact]
    public async Task RunOnce_WebhookWithEventFilter_ReceivesOnlyThoseEvents()
    {
        // Arrange
        var node = await StartNodeAsync(new FakeTimeProvider(Start), events: "grant.ended");
        await node.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());
        await node.AppendAsync(AuditActions.GrantCredentialsIssued, Guid.NewGuid(), Guid.NewGuid());
        await node.AppendAsync(AuditActions.GrantRevoked, Guid.NewGuid(), Guid.NewGuid(), actor: "carol");

        // Act
        await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        using var body = JsonDocument.Parse(Assert.Single(_receiver.Received).Body);
        Assert.Equal(("grant.ended", "revoked", "carol"),
            (body.RootElement.GetProperty("type").GetString(), body.RootElement.GetProperty("detail").GetString(), body.RootElement.GetProperty("actor").GetString()));
    }

    [SkippableFact]
    public async Task RunOnce_DriftReports_NotifyOnlyReportsWithNewCriticalOrHighFindings()
    {
        // Arrange: a first report with a High finding, a second with the same finding again, a third with a new Critical risk
        var time = new FakeTimeProvider(Start);
        var node = await StartNodeAsync(time);
        var unmanaged = new DriftFinding(DriftKind.UnmanagedPrincipal, "arn:aws:iam::111122223333:role/shadow", RiskSeverity.High, "no file in policies/roles");
        var first = Report(Start.AddMinutes(1), null, unmanaged, new DriftFinding(DriftKind.PolicyDrift, "arn:aws:iam::111122223333:role/a", RiskSeverity.Low, "s3:GetObject allowed"));
        var second = Report(Start.AddMinutes(2), first, unmanaged);
        var third = Report(Start.AddMinutes(3), second, unmanaged,
            new DriftFinding(DriftKind.NewRisk, "arn:aws:iam::111122223333:role/b", RiskSeverity.Critical, "privilege escalation: iam:PassRole"));
        await using (var db = node.CreateContext())
        {
            var reports = new DriftReportRepository(db);
            foreach (var report in new[] { first, second, third })
            {
                await reports.AddAsync(report, CancellationToken.None);
            }
        }

        // Act
        var run = await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(2, run.Recorded);
        var sent = _receiver.Received.Select(static r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(sent, static e => Assert.Equal("drift.findings", e.GetProperty("type").GetString()));
        Assert.Equal([first.Id.ToString("D"), third.Id.ToString("D")], sent.Select(static e => e.GetProperty("subject").GetProperty("reportId").GetString()));
        Assert.Equal("http://console.test/audit", sent[1].GetProperty("link").GetString());
        Assert.Contains("1 new Critical and 0 new High", sent[1].GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RunOnce_EventsPastTheRetention_AreRemovedUnlessADeliveryWaits()
    {
        // Arrange: one event delivered, one whose receiver keeps failing (a 31-day backoff keeps it waiting)
        var time = new FakeTimeProvider(Start);
        var node = await StartNodeAsync(time, retryDelay: "31.00:00:00");
        await node.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());
        await node.Dispatcher.RunOnceAsync(CancellationToken.None);
        _receiver.RespondWith(500);
        await node.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());
        await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Act: 30 days and a minute later
        time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await node.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        await using var db = node.CreateContext();
        var kept = await db.WebhookDeliveries.Include(static d => d.Event).SingleAsync();
        Assert.Equal((DeliveryStatus.Pending, "HTTP 500"), (kept.Status, kept.LastError));
        Assert.Equal(1, await db.NotificationEvents.CountAsync());
    }

    [SkippableFact]
    public async Task Feed_EventsBeforeTheFirstStart_AreNotSent()
    {
        // Arrange: history written before notifications were turned on
        var time = new FakeTimeProvider(Start);
        var before = new NotificationNode(Provider, ConnectionStringOrSkip(), time, Settings());
        _nodes.Add(before);
        await before.AppendAsync(AuditActions.RequestCreated, Guid.NewGuid());

        // Act
        await before.Dispatcher.FeedAsync(CancellationToken.None);
        var run = await before.Dispatcher.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new(0, 0, 0), run);
        Assert.Empty(_receiver.Received);
    }

    private async Task<NotificationNode> StartNodeAsync(FakeTimeProvider time, string format = "Json", int maxAttempts = 10, string? events = null,
        string retryDelay = "00:00:10")
    {
        var settings = Settings(format, maxAttempts, events);
        settings["Governance:Notifications:RetryDelay"] = retryDelay;
        settings["Governance:Notifications:MaxRetryDelay"] = "60.00:00:00";
        var node = new NotificationNode(Provider, ConnectionStringOrSkip(), time, settings);
        _nodes.Add(node);
        // What the hosted service does at start: the cursors begin here.
        await node.Dispatcher.FeedAsync(CancellationToken.None);
        return node;
    }

    private static DriftReport Report(DateTimeOffset ranAt, DriftReport? previous, params DriftFinding[] findings)
        => new(Guid.NewGuid(), ranAt, [.. findings], previous is null ? null : new PreviousAudit(previous.Id, previous.RanAt), [], DriftBaseline.Empty);

    private string ConnectionStringOrSkip()
    {
        Skip.If(ConnectionString is null, Unavailable);
        return ConnectionString!;
    }

    private Dictionary<string, string?> Settings(string format = "Json", int maxAttempts = 10, string? events = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Governance:Notifications:ConsoleBaseUrl"] = "http://console.test/",
            ["Governance:Notifications:RetryDelay"] = "00:00:10",
            ["Governance:Notifications:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Governance:Notifications:Webhooks:0:Name"] = "hook",
            ["Governance:Notifications:Webhooks:0:Url"] = _receiver.Url + "hook?token=query-secret",
            ["Governance:Notifications:Webhooks:0:Format"] = format,
            ["Governance:Notifications:Webhooks:0:Secret"] = Secret,
        };
        if (events is not null)
        {
            settings["Governance:Notifications:Webhooks:0:Events:0"] = events;
        }
        return settings;
    }

    private static (long Timestamp, string Signature) ParseSignature(string? header)
    {
        Assert.NotNull(header);
        var parts = header.Split(',').Select(static p => p.Split('=', 2)).ToDictionary(static p => p[0], static p => p[1], StringComparer.Ordinal);
        return (long.Parse(parts["t"], CultureInfo.InvariantCulture), parts["v1"]);
    }

    private static string Hmac(string key, string text)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
}
