using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Api.Contracts;

/// <summary>The result of <c>POST /v1/audit/checkpoints</c>.</summary>
/// <param name="Written">Checkpoints written.</param>
/// <param name="CoveredTo">The last sequence now covered by a signed checkpoint.</param>
public sealed record AuditCheckpointRunDto(int Written, long CoveredTo)
{
    /// <summary>Maps the run.</summary>
    public static AuditCheckpointRunDto From(AuditCheckpointRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Written, run.CoveredTo);
    }
}
