using Governance.Core.AuditTrail;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;
using Scheduler.Tests.Infrastructure;

namespace Scheduler.Tests.Jobs;

/// <summary>
/// Requests left pending past <c>Governance:Requests:PendingTtl</c> (default 7 days) are closed by the expiry job,
/// fired by the real scheduler on a fake clock, each with a <c>request.expired</c> event on a chain that still verifies.
/// </summary>
public sealed class ExpirePendingRequestsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 10, TimeSpan.Zero);

    private static AccessRequest Pending(DateTimeOffset createdAt) => new(Guid.NewGuid(), "alice", "lake-read", ["arn:aws:s3:::lake-raw"],
        "data-engineer", SchedulerHarness.RoleArn, "quarterly report", 4, 1, "{}", "{}", "v1", createdAt);

    [Theory]
    [InlineData(null, 7 * 24)]
    [InlineData("1.00:00:00", 24)]
    public async Task Execute_RequestPendingPastItsTtl_ExpiredAndAudited_YoungerOneStaysPending(string? ttl, int hours)
    {
        // Arrange: one request a minute past the TTL at the next firing, one a minute short of it
        var settings = ttl is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["Governance:Requests:PendingTtl"] = ttl };
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: settings);
        var firing = new DateTimeOffset(2026, 11, 25, 10, 1, 0, TimeSpan.Zero);
        var old = Pending(firing.AddHours(-hours).AddMinutes(-1));
        var young = Pending(firing.AddHours(-hours).AddMinutes(1));
        await using (var db = harness.CreateContext())
        {
            db.AccessRequests.AddRange(old, young);
            await db.SaveChangesAsync();
        }

        // Act
        var fired = await harness.FireAtAsync(Start.AddSeconds(50));

        // Assert
        Assert.Null(fired.Error);
        await using var after = harness.CreateContext();
        Assert.Equal(AccessRequestStatus.Expired, (await after.AccessRequests.SingleAsync(r => r.Id == old.Id)).Status);
        Assert.Equal(AccessRequestStatus.Pending, (await after.AccessRequests.SingleAsync(r => r.Id == young.Id)).Status);
        var events = await after.AuditEvents.Where(e => e.RequestId == old.Id).ToListAsync();
        var expired = Assert.Single(events);
        Assert.Equal(AuditActions.RequestExpired, expired.Action);
        Assert.Equal(firing, expired.OccurredAt);
        Assert.Empty(await after.AuditEvents.Where(e => e.RequestId == young.Id).ToListAsync());
        Assert.True((await AuditChainVerifier.VerifyAsync(after, CancellationToken.None)).Valid);
    }
}
