using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.AuditTrail;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TestSupport.Files;
using TestSupport.Net;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Faults;

/// <summary>
/// PostgreSQL goes away under load and comes back: requests in flight and new ones get 503 problem details (never a
/// 500), health turns unready, the service recovers by itself, and nothing acknowledged is lost.
/// </summary>
/// <remarks>
/// The database is reached through a <see cref="TcpProxy"/> that resets every connection and refuses new ones, which
/// is what a restarted server looks like to its clients, without stopping the server the other test classes share.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private readonly TestDatabase _database = TestDatabase.Postgres();
    private TcpProxy? _proxy;
    private GovernanceApiFactory? _factory;

    public Task InitializeAsync()
    {
        if (_database.UnavailableReason is null)
        {
            var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
            _proxy = TcpProxy.Start(server.Host!, server.Port);
            _factory = new GovernanceApiFactory(_database.Through("127.0.0.1", _proxy.Port), _data.Path);
            _ = _factory.Server;
        }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        await _database.DropAsync();
        _data.Dispose();
    }

    [SkippableFact]
    public async Task Postgres_GoneUnderLoadThenBack_503sMeanwhileThenRecoversAndLosesNothingAcknowledged()
    {
        Skip.If(_database.UnavailableReason is not null, _database.UnavailableReason);
        var factory = _factory!;
        var acknowledged = new ConcurrentBag<Guid>();
        var refusals = new ConcurrentBag<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(i => SubmitLoopAsync(factory.ClientFor(TestUsers.New($"load{i}"), "engineer"), acknowledged, refusals, stop.Token)));
        using var probe = factory.CreateClient();
        await WaitUntilAsync(() => acknowledged.Count >= 4, "the load to get going");

        // Act: the database goes away for three seconds, then comes back
        _proxy!.Cut();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var duringOutage = await probe.GetAsync("/health/ready");
        var beforeRestore = acknowledged.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        _proxy.Restore();
        await WaitUntilAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "health to be ready again");
        await WaitUntilAsync(() => acknowledged.Count > beforeRestore + 4, "submissions to succeed again");
        await stop.CancelAsync();
        await load;

        // Assert
        output.WriteLine($"{acknowledged.Count} submissions acknowledged, {refusals.Count} refused during the outage");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage.StatusCode);
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r =>
        {
            Assert.True(r.Status == HttpStatusCode.ServiceUnavailable, $"{(int)r.Status}: {r.Body}");
            Assert.Equal(ProblemCodes.DatabaseUnavailable, JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), r.RetryAfter);
            Assert.DoesNotContain("   at ", r.Body, StringComparison.Ordinal);
        });
        await using var db = _database.CreateContext();
        var stored = await db.AccessRequests.Select(r => r.Id).ToListAsync();
        Assert.All(acknowledged, id => Assert.Contains(id, stored));
        var chain = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.True(chain.Valid, chain.Reason);
    }

    private static async Task SubmitLoopAsync(HttpClient client, ConcurrentBag<Guid> acknowledged,
        ConcurrentBag<(HttpStatusCode, string, TimeSpan?)> refusals, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            // A fresh bucket each time and a cancel after, so the per-requester limits never answer instead of the database.
            var response = await client.PostAsJsonAsync("/v1/access-requests", new
            {
                permissionSet = "lake-write",
                resources = new[] { $"arn:aws:s3:::lake-outage-{Guid.NewGuid():N}/*" },
                targetRole = "data-engineer",
                justification = "outage test",
                durationHours = 8,
            }, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
                acknowledged.Add(id);
                await client.PostAsJsonAsync($"/v1/access-requests/{id}/cancel", new { comment = "done" }, CancellationToken.None);
            }
            else if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                refusals.Add((response.StatusCode, body, response.Headers.RetryAfter?.Delta));
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        for (var wait = 0; wait < 600; wait++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"waited 60 s for {what}");
    }
}
