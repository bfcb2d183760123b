namespace Governance.Core.Hosting;

/// <summary>The <c>Governance:Scheduler</c> configuration section.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Whether this process runs the jobs; turn it off on API nodes when a dedicated worker runs them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Grant expiry; default every minute.</summary>
    public JobSchedule ExpireGrants { get; set; } = new() { Cron = "0 * * * * ?" };

    /// <summary>The drift audit; default 03:00 every night.</summary>
    public JobSchedule DriftAudit { get; set; } = new() { Cron = "0 0 3 * * ?" };

    /// <summary>The account refresh from IAM, when <c>Governance:Account:Source</c> is <c>Aws</c>; default every 15 minutes.</summary>
    public JobSchedule AccountRefresh { get; set; } = new() { Cron = "0 0/15 * * * ?" };

    /// <summary>The audit checkpoint job, which signs the chain when a checkpoint is due
    /// (<c>Governance:Audit:Checkpoints</c>); default every minute.</summary>
    public JobSchedule AuditCheckpoints { get; set; } = new() { Cron = "0 * * * * ?" };

    /// <summary>The retention job, which removes drift reports past <c>Governance:Retention:DriftReports</c> and
    /// compresses the rest; default 04:30 every night, after the drift audit.</summary>
    public JobSchedule Retention { get; set; } = new() { Cron = "0 30 4 * * ?" };
}
