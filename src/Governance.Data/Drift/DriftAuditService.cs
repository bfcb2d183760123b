using Governance.Core.AuditTrail;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Drift.Records;
using Governance.Core.Exclusions;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Governance.Core.Telemetry;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Drift;

/// <summary>Runs the drift audit on the service's own state, stores its report in the database and writes it to the reports folder.</summary>
/// <remarks>
/// Intended: <c>policies/roles/</c> plus every grant the database holds; actual: the account copy the service keeps;
/// previous: the newest stored report, so NewRisk and the access delta are measured since the last run. Given the
/// guardrails folder, the organisation copy's SCPs and RCPs (of the same version as its accounts) are compared with it too.
/// Given the exclusions file (<c>policies/exclusions.json</c>, when it exists), the findings its active entries match are
/// listed apart in the report (<see cref="DriftReport.Excluded"/>), with the expired and stale entries.
/// Safe to run again: each run adds a report of its own and changes nothing else.
/// </remarks>
public sealed class DriftAuditService(
    GovernanceDbContext db, DriftReportRepository repository, OrganizationStore organization, RolesAsCodeFolder roles, DriftReportStore files, TimeProvider time,
    ExclusionsFile exclusions, GovernanceMetrics metrics)
{
    /// <summary>Audits now, stores the report, and writes <c>reports/drift-TIME-ID.json</c>.</summary>
    /// <exception cref="InvalidDataException">A file in <c>policies/roles/</c> is invalid; the message lists every error.</exception>
    public Task<DriftReport> RunAsync(CancellationToken cancellationToken) => RunAsync(guardrailsFolder: null, cancellationToken);

    /// <summary>
    /// Audits now as <see cref="RunAsync(CancellationToken)"/> does and, when <paramref name="guardrailsFolder"/> is given,
    /// also compares the organisation's SCPs and RCPs with the guardrails kept there (<c>policies/guardrails/</c>).
    /// </summary>
    /// <param name="guardrailsFolder">The guardrails folder, absolute; null to compare no guardrails.</param>
    /// <param name="cancellationToken">Stops reading and storing.</param>
    /// <exception cref="InvalidDataException">A file in <c>policies/roles/</c> or <c>policies/guardrails/</c> is invalid; the message lists every error.</exception>
    public Task<DriftReport> RunAsync(string? guardrailsFolder, CancellationToken cancellationToken)
        => RunAsync(guardrailsFolder, requestedBy: null, cancellationToken);

    /// <summary>
    /// Audits now as <see cref="RunAsync(string, CancellationToken)"/> does; when <paramref name="requestedBy"/> is given,
    /// the report and an audit event naming that actor are stored in one write transaction, so neither exists without the other.
    /// </summary>
    /// <param name="guardrailsFolder">The guardrails folder, absolute; null to compare no guardrails.</param>
    /// <param name="requestedBy">The actor who asked for this run; null for the schedule's runs, which are not audit events.</param>
    /// <param name="cancellationToken">Stops reading and storing.</param>
    /// <exception cref="InvalidDataException">A file in <c>policies/roles/</c> or <c>policies/guardrails/</c>, or <c>policies/exclusions.json</c>, is invalid; the message lists every error.</exception>
    public async Task<DriftReport> RunAsync(string? guardrailsFolder, string? requestedBy, CancellationToken cancellationToken)
    {
        var ranAt = time.GetUtcNow();
        var (definitions, errors) = RoleDefinitionLoader.LoadDirectory(roles.Path);
        if (!errors.IsEmpty)
        {
            throw new InvalidDataException("policies/roles is invalid: " + string.Join("; ", errors.Select(static e => $"{e.File}: {e.Message}")));
        }
        var (guardrails, guardrailErrors) = guardrailsFolder is null ? (default, []) : GuardrailDefinitionLoader.LoadDirectory(guardrailsFolder);
        if (!guardrailErrors.IsEmpty)
        {
            throw new InvalidDataException("policies/guardrails is invalid: " + string.Join("; ", guardrailErrors.Select(static e => e.ToString())));
        }
        var excluded = exclusions.Read(ranAt, DriftExclusions.KnownRules);
        if (!excluded.Success)
        {
            throw new InvalidDataException("policies/exclusions.json is invalid: " + string.Join("; ", excluded.Problems.Select(static e => e.ToString())));
        }
        var grants = await db.Grants.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var previous = await repository.LatestAsync(cancellationToken).ConfigureAwait(false);
        // One version for both: the accounts and the SCPs and RCPs compared must be the same picture.
        var current = await organization.CurrentAsync(cancellationToken).ConfigureAwait(false);
        // The organisation goes in whenever the copy knows resource policies: its resource-side risks count without a guardrails folder.
        var report = DriftAudit.Run(Guid.NewGuid(),
            new DesiredState(definitions, [.. grants]) { Guardrails = guardrailsFolder is null ? null : guardrails }, current.Accounts, ranAt, previous,
            current.Snapshot.ResourcePoliciesKnown ? current.Snapshot : null);
        report = DriftExclusions.Apply(report, excluded.Set, ranAt);
        // The database is the record every node reads; the file is a copy for people and backups, written after it.
        if (requestedBy is null)
        {
            await repository.AddAsync(report, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The write lock is taken for the storing alone: the audit itself reads, and may take a while on a large organisation.
            await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var log = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
            var summary = DriftReportSummary.Of(report);
            log.Append(requestedBy, AuditActions.DriftAuditRun, null, null, null, new
            {
                reportId = report.Id, findings = summary.Findings, critical = summary.Critical, high = summary.High, medium = summary.Medium,
                low = summary.Low, newRisks = report.Findings.Count(static f => f.Kind == DriftKind.NewRisk),
            });
            await repository.AddAsync(report, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        await files.WriteAsync(report, cancellationToken).ConfigureAwait(false);
        var counts = DriftReportSummary.Of(report);
        metrics.DriftAuditRan(counts.Critical, counts.High, counts.Medium, counts.Low);
        return report;
    }
}
