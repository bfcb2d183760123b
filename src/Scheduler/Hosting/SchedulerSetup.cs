using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Exclusions;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Scheduler.Jobs;

namespace Scheduler.Hosting;

/// <summary>Registers the governance jobs with Quartz, in the API process or in the dedicated worker.</summary>
public static class SchedulerSetup
{
    /// <summary>
    /// Adds Quartz, its hosted service and the jobs, scheduled from <c>Governance:Scheduler</c>. The job store follows
    /// <c>Governance:Database</c>: on PostgreSQL a clustered ADO store in the same database (each firing runs on one
    /// node; Quartz creates its tables when missing), on the embedded SQLite default the in-memory store.
    /// </summary>
    /// <remarks>
    /// The jobs' own services (<c>GrantService</c> and what it needs) are registered by the host, through
    /// <see cref="GovernanceCoreSetup.AddGovernanceCore"/>. A firing missed while the service was down runs once at start-up:
    /// cron triggers fire and proceed on misfire, the PostgreSQL store keeps each trigger's last firing across restarts,
    /// and with the in-memory store <see cref="MissedFiringCatchUp"/> compares the schedule with <see cref="RunHistory"/>.
    /// </remarks>
    public static IServiceCollection AddGovernanceScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var governance = GovernanceOptions.Read(configuration);
        var options = governance.Scheduler;
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }
        var paths = GovernancePaths.Resolve(governance);
        // The drift job's own services; the API and the worker register them too, through AddGovernanceCore.
        services.TryAddScoped<DriftReportRepository>();
        services.TryAddSingleton(new DriftReportStore(paths.ReportsDirectory));
        services.TryAddSingleton(new RolesAsCodeFolder(paths.RolesDirectory));
        services.TryAddSingleton(paths);
        services.TryAddScoped<DriftAuditService>();
        services.TryAddSingleton(new GuardrailsFolder(paths.GuardrailsDirectory));
        services.TryAddSingleton(new ExclusionsFile(paths.ExclusionsFile));
        services.TryAddSingleton<DriftAuditGate>();
        services.TryAddScoped<DriftAuditRunner>();
        // The retention job's: Governance:Retention:DriftReports.
        services.TryAddSingleton(governance.Retention.DriftReports);
        services.TryAddScoped<DriftReportRetention>();
        // The expiry job's: requests pending past Governance:Requests:PendingTtl.
        services.TryAddSingleton(governance);
        services.TryAddScoped<PendingRequestExpiry>();
        // The checkpoint job's: the key file, the folder and the writer.
        services.AddAuditCheckpoints(governance.Audit.Checkpoints, paths);
        // The job listener's: the metrics every job firing is counted in.
        services.AddGovernanceMetrics(governance.Telemetry);
        var provider = governance.Database.Provider;
        var connectionString = governance.Database.ConnectionString;
        RunHistory? history = provider == DatabaseProvider.Postgres ? null : new RunHistory(Path.Combine(paths.DataDirectory, RunHistory.FileName));

        var jobs = new List<ScheduledJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(static s => s.InstanceName = "iamgov");
            if (provider == DatabaseProvider.Postgres)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(connectionString, "Governance:Database:ConnectionString");
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                    store.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
                q.AddJobListener(new RunHistoryListener(history!));
            }
            q.AddJobListener<JobMetricsListener>();
            jobs.Add(AddCronJob<ExpireGrantsJob>(q, ExpireGrantsJob.Key, nameof(SchedulerOptions.ExpireGrants), options.ExpireGrants));
            jobs.Add(AddCronJob<DriftAuditJob>(q, DriftAuditJob.Key, nameof(SchedulerOptions.DriftAudit), options.DriftAudit));
            jobs.Add(AddCronJob<AuditCheckpointJob>(q, AuditCheckpointJob.Key, nameof(SchedulerOptions.AuditCheckpoints), options.AuditCheckpoints));
            jobs.Add(AddCronJob<RetentionJob>(q, RetentionJob.Key, nameof(SchedulerOptions.Retention), options.Retention));
            if (AwsIntegrationOptions.Read(key => configuration[key]).CopyFromAws)
            {
                jobs.Add(AddCronJob<RefreshAccountJob>(q, RefreshAccountJob.Key, nameof(SchedulerOptions.AccountRefresh), options.AccountRefresh));
            }
        });
        // Redeclaring a stored trigger at start-up keeps its last firing, so a firing missed while down still misfires
        // and runs once, while a changed cron expression in configuration still takes effect.
        services.Configure<QuartzOptions>(static o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        services.AddQuartzHostedService(static o => o.WaitForJobsToComplete = true);
        if (history is not null)
        {
            services.AddSingleton(history);
            services.AddSingleton(sp => new MissedFiringCatchUp(
                sp.GetRequiredService<ISchedulerFactory>(), history, jobs, sp.GetRequiredService<TimeProvider>()));
            services.AddHostedService(static sp => sp.GetRequiredService<MissedFiringCatchUp>());
        }
        return services;
    }

    private static ScheduledJob AddCronJob<TJob>(IQuartzBuilder q, JobKey key, string name, JobSchedule schedule)
        where TJob : IJob
    {
        var zone = schedule.ResolveTimeZone(name);
        if (!CronExpression.TryParse(schedule.Cron, out var cron))
        {
            throw new InvalidOperationException($"Governance:Scheduler:{name}:Cron: `{schedule.Cron}` is not a Quartz cron expression");
        }
        q.ScheduleJob<TJob>(
            t => t.WithIdentity(key.Name, key.Group)
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            j => j.WithIdentity(key));
        return new ScheduledJob(key, cron.WithTimeZone(zone));
    }
}
