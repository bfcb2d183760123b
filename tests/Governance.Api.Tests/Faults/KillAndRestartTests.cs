using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.AuditTrail;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Signing;
using Governance.Core.OrganizationCopy;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Files;
using TestSupport.Paths;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Faults;

/// <summary>
/// The databases' own crash tests, applied to the service: the process is killed (<c>SIGKILL</c>) at random instants
/// during a burst of submissions and approvals, started again on the same state, and then every acknowledged
/// operation must be there exactly once, nothing unacknowledged half-applied, and the audit chain must verify.
/// </summary>
/// <remarks>Runs on SQLite (the data folder's file) and, with <c>IAMGOV_TEST_POSTGRES</c>, on PostgreSQL.</remarks>
public abstract class KillAndRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 6;
    private const string Role = "arn:aws:iam::111122223333:role/data-engineer";

    private readonly TempFolder _data = TempFolder.Create();
    private readonly ConcurrentBag<Guid> _submitted = [];
    private readonly ConcurrentDictionary<Guid, Guid> _approved = new();
    private int _attempts;

    protected abstract TestDatabase Database { get; }

    protected string DataDirectory => _data.Path;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Database.DropAsync();
        _data.Dispose();
    }

    [SkippableFact]
    public async Task Burst_KilledAtRandomInstants_LosesNothingAcknowledgedAndHalfAppliesNothing()
    {
        Skip.If(Database.UnavailableReason is not null, Database.UnavailableReason);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");

        // Act: rounds of a burst, each ended by a kill at a random instant
        for (var round = 0; round < Rounds; round++)
        {
            var server = await ApiServerProcess.StartAsync(DataDirectory, Database);
            using var stop = new CancellationTokenSource();
            var acknowledged = _submitted.Count + _approved.Count;
            var approved = _approved.Count;
            // The kill comes after a random amount of progress, not of time, so a loaded machine tests as much as an idle
            // one: past a random number of acknowledged operations (the first round past an approval too), then at a
            // random instant, most likely in the middle of requests.
            var progress = random.Next(2, 10);
            var burst = BurstAsync(server.Address, round, stop.Token);
            for (var wait = 0; wait < 600 && (_submitted.Count + _approved.Count - acknowledged < progress || (round == 0 && _approved.Count == approved)); wait++)
            {
                await Task.Delay(100);
            }
            await Task.Delay(random.Next(0, 400));
            server.Kill();
            await stop.CancelAsync();
            await burst;
            await server.DisposeAsync();
        }

        // Assert: started once more, on what the kills left
        await using var last = await ApiServerProcess.StartAsync(DataDirectory, Database);
        output.WriteLine($"{Rounds} kills; {_attempts} operations tried; {_submitted.Count} submissions and {_approved.Count} approvals acknowledged");
        Assert.True(_submitted.Count > Rounds && !_approved.IsEmpty, $"the bursts did too little to test anything (seed {seed})");
        await using var db = Database.CreateContext();
        var requests = await db.AccessRequests.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var grants = await db.Grants.AsNoTracking().ToListAsync();
        var events = await db.AuditEvents.AsNoTracking().ToListAsync();

        // Every acknowledged operation is there, once.
        Assert.All(_submitted, id => Assert.True(requests.ContainsKey(id), $"acknowledged submission {id} is gone (seed {seed})"));
        Assert.All(_approved, a => Assert.Equal(a.Value, requests[a.Key].GrantId));
        Assert.Equal(grants.Count, grants.Select(g => g.RequestId).Distinct().Count());

        // Nothing is half-applied: each record has its audit events, each approval its grant, each active grant its policy.
        Assert.All(requests.Values, r => Assert.Contains(events, e => e.RequestId == r.Id && e.Action == AuditActions.RequestCreated));
        Assert.All(requests.Values.Where(r => r.Status == AccessRequestStatus.Approved),
            r => Assert.Contains(grants, g => g.Id == r.GrantId && g.RequestId == r.Id));
        Assert.All(grants, g =>
        {
            Assert.Equal(AccessRequestStatus.Approved, requests[g.RequestId].Status);
            Assert.Contains(events, e => e.GrantId == g.Id && e.Action == AuditActions.RequestApproved);
            Assert.Contains(events, e => e.GrantId == g.Id && e.Action == AuditActions.GrantProvisioned);
        });
        var inCopy = await GrantPoliciesInTheCopyAsync();
        Assert.Equal(
            grants.Where(g => g.Status == GrantStatus.Active).Select(g => g.PolicyName).Order(StringComparer.Ordinal),
            inCopy.Order(StringComparer.Ordinal));

        // The chain verifies, read directly and through the restarted service.
        var verification = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.True(verification.Valid, verification.Reason);
        using var auditor = Client(last.Address, "auditor-after-kills", "approver");
        var verify = await auditor.GetFromJsonAsync<JsonElement>("/v1/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
    }

    /// <summary>Six engineers submitting and two approvers approving what is pending, until stopped or the server is gone.</summary>
    private Task BurstAsync(Uri address, int round, CancellationToken stop)
    {
        var engineers = Enumerable.Range(0, 6).Select(i => SubmitLoopAsync(address, TestUsers.New($"eng{round}-{i}"), stop));
        var approvers = Enumerable.Range(0, 2).Select(i => ApproveLoopAsync(address, TestUsers.New($"appr{round}-{i}"), stop));
        return Task.WhenAll(engineers.Concat(approvers));
    }

    private async Task SubmitLoopAsync(Uri address, string user, CancellationToken stop)
    {
        using var client = Client(address, user, "engineer");
        for (var i = 0; i < 15 && !stop.IsCancellationRequested; i++)
        {
            Interlocked.Increment(ref _attempts);
            try
            {
                var response = await client.PostAsJsonAsync("/v1/access-requests", new
                {
                    permissionSet = "lake-write",
                    resources = new[] { $"arn:aws:s3:::lake-kill-{user}-{i}/*" },
                    targetRole = "data-engineer",
                    justification = "crash test",
                    durationHours = 8,
                }, stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    _submitted.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetGuid());
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException)
            {
                return; // the server is gone: nothing was acknowledged
            }
        }
    }

    private async Task ApproveLoopAsync(Uri address, string user, CancellationToken stop)
    {
        using var client = Client(address, user, "approver");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var pending = await client.GetFromJsonAsync<JsonElement>("/v1/access-requests?status=Pending&pageSize=20", stop);
                foreach (var item in pending.GetProperty("items").EnumerateArray())
                {
                    Interlocked.Increment(ref _attempts);
                    var id = item.GetProperty("id").GetGuid();
                    using var message = new HttpRequestMessage(HttpMethod.Post, $"/v1/access-requests/{id}/approve")
                    {
                        Content = JsonContent.Create(new { comment = "ok", previewVersion = item.GetProperty("previewVersion").GetString() }),
                    };
                    var response = await client.SendAsync(message, stop);
                    if (response.StatusCode == HttpStatusCode.OK
                        && (await response.Content.ReadFromJsonAsync<JsonElement>(stop)) is var body
                        && body.GetProperty("status").GetString() == "Approved")
                    {
                        _approved[id] = body.GetProperty("grantId").GetGuid();
                    }
                }
                await Task.Delay(20, stop);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException)
            {
                return;
            }
        }
    }

    private HttpClient Client(Uri address, string user, string role)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Valid(LocalSigningKey.LoadOrCreate(DataDirectory), user, role));
        return client;
    }

    /// <summary>The grant policies on data-engineer in the newest version of the organisation copy, read as every node reads it.</summary>
    private async Task<IReadOnlyList<string>> GrantPoliciesInTheCopyAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Governance:DataDirectory"] = Path.Combine(DataDirectory, "reader"),
            ["Governance:PoliciesDirectory"] = RepositoryPaths.Policies,
            ["Governance:Database:Provider"] = Database.Provider.ToString(),
            ["Governance:Database:ConnectionString"] = Database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGovernanceCore(configuration);
        await using var provider = services.BuildServiceProvider();
        var copy = await provider.GetRequiredService<OrganizationStore>().CurrentAsync(CancellationToken.None);
        return [.. copy.Accounts.Principals.Single(p => p.Arn == Role).IdentityPolicies.Select(p => p.Name).Where(Grant.IsPolicyName)];
    }
}

/// <summary><see cref="KillAndRestartTests"/> on SQLite, the embedded default.</summary>
public sealed class KillAndRestartTests_Sqlite : KillAndRestartTests
{
    public KillAndRestartTests_Sqlite(ITestOutputHelper output)
        : base(output) => Database = TestDatabase.Sqlite(DataDirectory);

    protected override TestDatabase Database { get; }
}

/// <summary><see cref="KillAndRestartTests"/> on PostgreSQL.</summary>
public sealed class KillAndRestartTests_Postgres(ITestOutputHelper output) : KillAndRestartTests(output)
{
    protected override TestDatabase Database { get; } = TestDatabase.Postgres();
}
