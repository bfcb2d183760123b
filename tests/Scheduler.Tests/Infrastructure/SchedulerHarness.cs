using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Governance.Core.Workflow.Grants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Scheduler.Hosting;
using Scheduler.Jobs;
using TestSupport.Paths;

namespace Scheduler.Tests.Infrastructure;

/// <summary>
/// The real Quartz scheduler with the real jobs and services, on a SQLite database and an account copy of its own,
/// driven by a fake clock: firing happens when the test moves the clock.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    /// <summary>The role the test grants go to, present in the demo account.</summary>
    public const string RoleArn = "arn:aws:iam::111122223333:role/data-engineer";

    private readonly ServiceProvider _services;
    private IScheduler? _scheduler;

    private SchedulerHarness(string dataDirectory, DateTimeOffset start, IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection, IConfiguration>? configure)
    {
        DataDirectory = dataDirectory;
        Provider = settings.TryGetValue("Governance:Database:Provider", out var p) && p is not null ? Enum.Parse<DatabaseProvider>(p) : DatabaseProvider.Sqlite;
        ConnectionString = settings.TryGetValue("Governance:Database:ConnectionString", out var cs) && cs is not null
            ? cs : GovernanceDatabase.SqliteConnectionString(dataDirectory);
        Time = new FakeTimeProvider(start);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Governance:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => { if (Environment.GetEnvironmentVariable("SCHED_TEST_LOG") is not null) { b.AddConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug); } });
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<OrganizationStore>();
        services.AddScoped<SnapshotGrantProvisioner>();
        services.AddSingleton<CrashAfterRevoke>();
        services.AddScoped<IGrantProvisioner>(sp => new CrashAfterRevokeProvisioner(sp.GetRequiredService<SnapshotGrantProvisioner>(), sp.GetRequiredService<CrashAfterRevoke>()));
        services.AddScoped<GrantService>();
        services.AddGovernanceDatabase(Provider, ConnectionString);
        services.AddGovernanceScheduler(configuration);
        services.AddQuartz(q =>
        {
            q.AddJobListener(Firings);
            q.AddJobListener(CheckpointFirings);
        });
        configure?.Invoke(services, configuration);
        _services = services.BuildServiceProvider();
    }

    public string DataDirectory { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The firings of every job but the audit checkpoint job, which fires each minute beside the others.</summary>
    public CompletedFirings Firings { get; } = new("test-completed-firings", static job => !job.Equals(AuditCheckpointJob.Key));

    /// <summary>The firings of the audit checkpoint job.</summary>
    public CompletedFirings CheckpointFirings { get; } = new("test-checkpoint-firings", static job => job.Equals(AuditCheckpointJob.Key));

    public OrganizationStore Organization => _services.GetRequiredService<OrganizationStore>();

    public CrashAfterRevoke Provisioner => _services.GetRequiredService<CrashAfterRevoke>();

    /// <summary>
    /// A harness with a fresh data folder (or <paramref name="dataDirectory"/>, to simulate a restart);
    /// <paramref name="configure"/> adds or replaces services last.
    /// </summary>
    public static async Task<SchedulerHarness> StartAsync(DateTimeOffset start, string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "iamgov-scheduler-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var harness = new SchedulerHarness(dataDirectory, start, settings ?? new Dictionary<string, string?>(), configure);
        await using (var db = harness.CreateContext())
        {
            await GovernanceDatabase.MigrateAsync(db, CancellationToken.None);
        }
        await harness.Organization.SeedAsync(_ => Task.FromResult(OrganizationFiles.FromFolder(Path.Combine(RepositoryPaths.Policies, "demo-org"))),
            "test seed", CancellationToken.None);
        harness._scheduler = await harness._services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await harness._scheduler.Start();
        // The host would start this hosted service beside Quartz's own; the harness drives the scheduler itself.
        if (harness._services.GetService<MissedFiringCatchUp>() is { } catchUp)
        {
            await catchUp.StartAsync(CancellationToken.None);
        }
        return harness;
    }

    public GovernanceDbContext CreateContext() => GovernanceDatabase.Create(Provider, ConnectionString);

    /// <summary>Stores an active grant on the data-engineer role and provisions its inline policy.</summary>
    public async Task<Grant> GrantAsync(DateTimeOffset start, DateTimeOffset end)
    {
        var window = new GrantWindow(start, end);
        const string statements = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-raw/*"}]}""";
        var grant = new Grant(Guid.NewGuid(), Guid.NewGuid(), "alice", "lake-read", "data-engineer", RoleArn,
            GrantPolicy.WithExpiry(statements, window), window);
        await using (var db = CreateContext())
        {
            db.Grants.Add(grant);
            await db.SaveChangesAsync();
        }
        await using var scope = _services.CreateAsyncScope();
        var provisioned = await scope.ServiceProvider.GetRequiredService<SnapshotGrantProvisioner>().ProvisionAsync(grant, CancellationToken.None);
        Assert.True(provisioned.Success, provisioned.Error);
        return grant;
    }

    /// <summary>The newest version of the organisation copy as the database holds it, read by a store of its own as another node would.</summary>
    public async Task<OrganizationState> ReadCopyAsync()
    {
        using var reader = new OrganizationStore(_services.GetRequiredService<IServiceScopeFactory>(), Time);
        return await reader.CurrentAsync(CancellationToken.None);
    }

    /// <summary>Whether the organisation copy, as the database holds it (read by a store of its own, as another node would), gives the role the grant's inline policy.</summary>
    public async Task<bool> RoleHasPolicyAsync(string policyName)
    {
        var state = (await ReadCopyAsync()).Accounts;
        var role = state.Principals.Single(p => string.Equals(p.Arn, RoleArn, StringComparison.Ordinal));
        return role.IdentityPolicies.Any(p => string.Equals(p.Name, policyName, StringComparison.Ordinal));
    }

    /// <summary>Moves the fake clock to <paramref name="at"/> and waits for the firing that causes.</summary>
    public async Task<(JobKey Job, DateTimeOffset ScheduledAt, JobExecutionException? Error)> FireAtAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        return await Firings.NextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true);
        }
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
