using Governance.Core.Drift.Records;

namespace Governance.Core.Hosting;

/// <summary>The <c>Governance:Retention</c> configuration section. The audit log and its checkpoints are never pruned.</summary>
public sealed class RetentionOptions
{
    /// <summary>Stored drift reports (<c>Governance:Retention:DriftReports</c>).</summary>
    public DriftReportRetentionOptions DriftReports { get; set; } = new();
}
