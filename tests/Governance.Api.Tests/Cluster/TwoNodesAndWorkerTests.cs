using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Drift.Records;
using Governance.Core.Hosting;
using Governance.Core.OrganizationCopy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Scheduler.Hosting;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Api.Tests.Cluster;

/// <summary>
/// A cluster on one PostgreSQL database: two API nodes and the dedicated worker (the Quartz jobs without the API), each
/// a process of its own as far as the service can tell (its own container, its own copy of the organisation in memory).
/// A grant approved on one node is in the other's next answer, and one revoked on the other is gone from the worker's
/// next drift audit, which must then not report it as stale.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync, which disposes the nodes, the worker and the folder.")]
public sealed class TwoNodesAndWorkerTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::111122223333:role/data-engineer";

    private readonly TempFolder _data = TempFolder.Create();
    private readonly TestDatabase _database = TestDatabase.Postgres();
    private GovernanceApiFactory? _nodeA;
    private GovernanceApiFactory? _nodeB;
    private IHost? _worker;

    public async Task InitializeAsync()
    {
        if (_database.UnavailableReason is not null)
        {
            return;
        }
        // The worker starts first and reads the copy before any grant exists: what it holds in memory is then stale
        // unless it asks the database, as it must.
        _worker = await StartWorkerAsync();
        // The nodes share the data folder for its signing key, as a cluster shares its key; the database is the state.
        _nodeA = new GovernanceApiFactory(_database, _data.Path);
        _nodeB = new GovernanceApiFactory(_database, _data.Path);
        _ = _nodeA.Server;
        _ = _nodeB.Server;
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
        await _database.DropAsync();
        _data.Dispose();
    }

    [SkippableFact]
    public async Task ConsoleSession_StartedOnOneNode_IsGoodOnTheOtherWithItsFormTokens()
    {
        Skip.If(_database.UnavailableReason is not null, _database.UnavailableReason);
        var user = TestUsers.New("console");
        using var onA = await ConsoleClient.SignInAsync(_nodeA!, user, "approver");
        var pageOnA = await onA.GetAsync("/");

        // The same browser (its cookies) reaches node B, as behind a load balancer
        using var onB = ConsoleClient.Anonymous(_nodeB!, onA.CookieJar);
        var pageOnB = await onB.GetAsync("/");
        // A form node A gave, posted to node B: its antiforgery token is good there too
        var signedOut = await onB.PostFormAsync("/signout", [new("__csrf", pageOnA.One("header form input[name=__csrf]").GetAttribute("value")!)]);

        Assert.Equal(System.Net.HttpStatusCode.OK, pageOnB.Status);
        Assert.Equal(user, pageOnB.Text("[data-testid=signed-in-as]"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/signin", signedOut.Location!.OriginalString);
        // The keys that sealed it are the shared data folder's, the service's user's alone
        var keys = Directory.GetFiles(Path.Combine(_data.Path, "console-keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var key in keys)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }
        }
    }

    [SkippableFact]
    public async Task Grant_ApprovedOnOneNodeRevokedOnTheOther_EveryProcessFollowsAtOnce()
    {
        Skip.If(_database.UnavailableReason is not null, _database.UnavailableReason);
        // Arrange
        var bucket = $"lake-cluster-{Guid.NewGuid():N}"[..24];
        var question = $"/v1/can-i?principal=data-engineer&action=s3:PutObject&resource=arn:aws:s3:::{bucket}/a.parquet&context=aws:RequestedRegion=eu-west-1";
        var aliceOnA = _nodeA!.ClientFor(TestUsers.New("alice"), "engineer");
        var bobOnA = _nodeA.ClientFor(TestUsers.New("bob"), "approver");
        var aliceOnB = _nodeB!.ClientFor(TestUsers.New("alice"), "engineer");
        var bobOnB = _nodeB.ClientFor(TestUsers.New("bob"), "approver");
        var workerVersion = (await _worker!.Services.GetRequiredService<OrganizationStore>().CurrentAsync(CancellationToken.None)).Version;
        Assert.Equal("ImplicitDeny", await DecisionAsync(aliceOnB, question));

        // Act: approve on A, ask B; revoke on B, ask A; then the worker's drift audit
        var submitted = await aliceOnA.PostAsJsonAsync("/v1/access-requests", new
        {
            permissionSet = "lake-write",
            resources = new[] { $"arn:aws:s3:::{bucket}/*" },
            targetRole = "data-engineer",
            justification = "backfill of the orders table after the schema change",
            durationHours = 8,
        });
        var request = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var requestId = request.GetProperty("id").GetString();
        var approved = await (await bobOnA.PostAsJsonAsync($"/v1/access-requests/{requestId}/approve",
                new { comment = "ok", previewVersion = request.GetProperty("previewVersion").GetString() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var grantId = approved.GetProperty("grantId").GetString();
        var onBAfterApproval = await DecisionAsync(aliceOnB, question);
        var revoke = await bobOnB.PostAsJsonAsync($"/v1/grants/{grantId}/revoke", new { comment = "done" });
        var onAAfterRevocation = await DecisionAsync(aliceOnA, question);
        var report = await RunWorkerDriftAuditAsync();

        // Assert
        Assert.Equal("Allow", onBAfterApproval);
        Assert.True(revoke.IsSuccessStatusCode, await revoke.Content.ReadAsStringAsync());
        Assert.Equal("ImplicitDeny", onAAfterRevocation);
        Assert.DoesNotContain(report.Findings, f => f.Kind == DriftKind.StaleGrant);
        Assert.DoesNotContain(report.Findings, f => f.Detail.Contains(grantId!, StringComparison.Ordinal));
        var copy = await _worker.Services.GetRequiredService<OrganizationStore>().CurrentAsync(CancellationToken.None);
        Assert.Equal(workerVersion + 2, copy.Version); // one version for the grant, one for its revocation
        Assert.DoesNotContain(copy.Accounts.Principals.Single(p => p.Arn == Role).IdentityPolicies, p => p.Name == $"grant-{grantId}");
    }

    private static async Task<string?> DecisionAsync(HttpClient client, string question)
        => (await client.GetFromJsonAsync<JsonElement>(question)).GetProperty("decision").GetString();

    /// <summary>Fires the worker's drift-audit job through its real Quartz scheduler and waits for the report it stores.</summary>
    private async Task<DriftReport> RunWorkerDriftAuditAsync()
    {
        await using var before = _database.CreateContext();
        var reports = await before.DriftReports.CountAsync();
        var scheduler = await _worker!.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("drift-audit", "governance"));
        for (var wait = 0; wait < 600; wait++)
        {
            await using var db = _database.CreateContext();
            if (await db.DriftReports.CountAsync() > reports)
            {
                return (await new DriftReportRepository(db).LatestAsync(CancellationToken.None))!;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the worker's drift audit stored no report within 60 s");
    }

    /// <summary>The dedicated worker as src/Scheduler.Worker composes it, on the cluster's database, with its own data folder.</summary>
    private async Task<IHost> StartWorkerAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Governance:DataDirectory"] = Path.Combine(_data.Path, "worker"),
            ["Governance:PoliciesDirectory"] = RepositoryPaths.Policies,
            ["Governance:Database:Provider"] = _database.Provider.ToString(),
            ["Governance:Database:ConnectionString"] = _database.ConnectionString,
            // Nothing fires by itself during the test: the drift audit is triggered, the other jobs wait for 2099.
            ["Governance:Scheduler:ExpireGrants:Cron"] = "0 0 0 1 1 ? 2099",
            ["Governance:Scheduler:DriftAudit:Cron"] = "0 0 0 1 1 ? 2099",
            ["Governance:Scheduler:Retention:Cron"] = "0 0 0 1 1 ? 2099",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGovernanceCore(builder.Configuration);
        builder.Services.AddGovernanceScheduler(builder.Configuration);
        var host = builder.Build();
        await GovernanceStartup.InitializeAsync(host.Services, CancellationToken.None);
        await host.StartAsync();
        return host;
    }
}
