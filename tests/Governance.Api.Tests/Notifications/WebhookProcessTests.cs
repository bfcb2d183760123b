using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Signing;
using Governance.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using TestSupport.Files;
using TestSupport.Net;

namespace Governance.Api.Tests.Notifications;

/// <summary>
/// Webhooks from the built API running as processes of its own on one database, with its real clock and poll loop:
/// two nodes deliver each event once, and an event whose node is killed (<c>SIGKILL</c>) between attempts is delivered
/// by the node started after it.
/// </summary>
public abstract class WebhookProcessTests : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private readonly WebhookReceiver _receiver = WebhookReceiver.Start();

    protected abstract TestDatabase Database { get; }

    protected string DataDirectory => _data.Path;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await Database.DropAsync();
        _data.Dispose();
    }

    [SkippableFact]
    public async Task TwoNodes_RequestsSubmittedOnBoth_EachEventDeliveredOnce()
    {
        // Arrange
        Skip.If(Database.UnavailableReason is not null, Database.UnavailableReason);
        await using var first = await ApiServerProcess.StartAsync(DataDirectory, Database, Settings(retryDelay: "00:00:01"));
        await using var second = await ApiServerProcess.StartAsync(DataDirectory, Database, Settings(retryDelay: "00:00:01"));
        const int Requests = 6;

        // Act: submissions alternate between the nodes, each node polling every 200 ms
        for (var i = 0; i < Requests; i++)
        {
            using var client = Client((i % 2 == 0 ? first : second).Address, TestUsers.New("alice"));
            var response = await client.PostAsJsonAsync("/v1/access-requests", Request());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await _receiver.WaitForAsync(Requests, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2)); // ten more passes of each node, for a repeat to show up

        // Assert
        var ids = _receiver.Received.Select(static r => r.Header("X-Event-Id")).ToList();
        Assert.Equal(Requests, ids.Count);
        Assert.Equal(Requests, ids.Distinct().Count());
    }

    [SkippableFact]
    public async Task Node_KilledBetweenAttempts_NextNodeDeliversTheSameEvent()
    {
        // Arrange: the first attempt is refused, and the retry is due 20 s later (time to see the failure recorded and kill the node)
        Skip.If(Database.UnavailableReason is not null, Database.UnavailableReason);
        _receiver.RespondWith(500);
        var dying = await ApiServerProcess.StartAsync(DataDirectory, Database, Settings(retryDelay: "00:00:20"));
        using (var client = Client(dying.Address, TestUsers.New("alice")))
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/v1/access-requests", Request())).StatusCode);
        }
        await _receiver.WaitForAsync(1, TimeSpan.FromSeconds(60));
        await WaitUntilFailureRecordedAsync();

        // Act: killed before its retry; another node starts on the same database
        dying.Kill();
        await dying.DisposeAsync();
        await using var next = await ApiServerProcess.StartAsync(DataDirectory, Database, Settings(retryDelay: "00:00:20"));
        var received = await _receiver.WaitForAsync(2, TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal([500, 200], received.Select(static r => r.AnsweredStatus));
        Assert.Equal(received[0].Header("X-Event-Id"), received[1].Header("X-Event-Id"));
        Assert.Equal(received[0].Body, received[1].Body);
    }

    /// <summary>Waits until the node has written the failed attempt (otherwise the attempt's lease, not its backoff, would decide the retry).</summary>
    private async Task WaitUntilFailureRecordedAsync()
    {
        var rows = "";
        for (var wait = 0; wait < 300; wait++)
        {
            await using var db = Database.CreateContext();
            var deliveries = await db.WebhookDeliveries.AsNoTracking().ToListAsync();
            if (deliveries.Any(static d => d.LastError != null))
            {
                return;
            }
            rows = string.Join("; ", deliveries.Select(static d => $"{d.Status} attempts {d.Attempts} next {d.NextAttemptAt:O} last {d.LastAttemptAt:O}"));
            await Task.Delay(100);
        }
        Assert.Fail($"the failed attempt was not recorded within 30 s: {rows}");
    }

    private Dictionary<string, string> Settings(string retryDelay) => new()
    {
        ["Governance__Notifications__PollInterval"] = "00:00:00.200",
        ["Governance__Notifications__RetryDelay"] = retryDelay,
        ["Governance__Notifications__Webhooks__0__Name"] = "sink",
        ["Governance__Notifications__Webhooks__0__Url"] = _receiver.Url + "json",
        ["Governance__Notifications__Webhooks__0__Secret"] = "whsec-process",
        ["Governance__Notifications__Webhooks__0__Events__0"] = "request.submitted",
    };

    private static object Request() => new
    {
        permissionSet = "lake-read",
        resources = new[] { $"arn:aws:s3:::lake-p-{Guid.NewGuid():N}"[..30] + "/*" },
        targetRole = "data-engineer",
        justification = "webhook delivery across processes",
        durationHours = 2,
    };

    private HttpClient Client(Uri address, string user)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Valid(LocalSigningKey.LoadOrCreate(DataDirectory), user, "engineer"));
        return client;
    }
}

/// <summary><see cref="WebhookProcessTests"/> on one SQLite file shared by the processes.</summary>
public sealed class WebhookProcessTests_Sqlite : WebhookProcessTests
{
    public WebhookProcessTests_Sqlite() => Database = TestDatabase.Sqlite(DataDirectory);

    protected override TestDatabase Database { get; }
}

/// <summary><see cref="WebhookProcessTests"/> on PostgreSQL.</summary>
public sealed class WebhookProcessTests_Postgres : WebhookProcessTests
{
    protected override TestDatabase Database { get; } = TestDatabase.Postgres();
}
