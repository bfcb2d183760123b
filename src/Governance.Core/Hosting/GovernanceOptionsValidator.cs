using Governance.Core.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Governance.Core.Hosting;

/// <summary>Checks <see cref="GovernanceOptions"/> at start, naming the key of every wrong value.</summary>
internal sealed class GovernanceOptionsValidator : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Database.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            failures.Add("Governance:Database:ConnectionString is required with Governance:Database:Provider=Postgres");
        }
        if (!string.IsNullOrWhiteSpace(options.Auth.Authority))
        {
            if (!Uri.TryCreate(options.Auth.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"Governance:Auth:Authority must be the https URL of an OIDC issuer, such as https://login.example.com/realms/governance; it is `{options.Auth.Authority}`");
            }
            if (string.IsNullOrWhiteSpace(options.Auth.Audience))
            {
                failures.Add("Governance:Auth:Audience is required with Governance:Auth:Authority");
            }
        }
        if (options.Console.SessionMinutes is < 1 or > ConsoleOptions.MaxSessionMinutes)
        {
            failures.Add($"Governance:Console:SessionMinutes must be from 1 to {ConsoleOptions.MaxSessionMinutes} (30 days); it is {options.Console.SessionMinutes}");
        }
        if (options.Requests.PendingTtl <= TimeSpan.Zero)
        {
            failures.Add($"Governance:Requests:PendingTtl must be positive, such as 7.00:00:00 for a week; it is {options.Requests.PendingTtl}");
        }
        failures.AddRange(options.Requests.Limits.Validate());
        if (options.Aws.Sts.Validate() is { } sts)
        {
            failures.Add(sts);
        }
        failures.AddRange(options.Audit.Checkpoints.Validate());
        failures.AddRange(options.Notifications.Validate());
        failures.AddRange(options.Retention.DriftReports.Validate());
        foreach (var (job, schedule) in new[]
        {
            (nameof(SchedulerOptions.ExpireGrants), options.Scheduler.ExpireGrants),
            (nameof(SchedulerOptions.DriftAudit), options.Scheduler.DriftAudit),
            (nameof(SchedulerOptions.AccountRefresh), options.Scheduler.AccountRefresh),
            (nameof(SchedulerOptions.AuditCheckpoints), options.Scheduler.AuditCheckpoints),
            (nameof(SchedulerOptions.Retention), options.Scheduler.Retention),
        })
        {
            if (schedule.TimeZoneError(job) is { } zone)
            {
                failures.Add(zone);
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
