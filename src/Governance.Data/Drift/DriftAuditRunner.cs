using Governance.Core.Drift.Records;
using Governance.Core.Results;

namespace Governance.Core.Drift;

/// <summary>
/// The one way to run the drift audit on the service's state: the nightly job, <c>POST /v1/audit/reports</c> and the
/// console's "Run the drift audit now" all call it, so they compare the same folders and never run two at once.
/// </summary>
public sealed class DriftAuditRunner(DriftAuditService audit, DriftAuditGate gate, GuardrailsFolder guardrails)
{
    /// <summary>The schedule's run: waits for a run in progress to end, then audits.</summary>
    /// <exception cref="InvalidDataException">A file in <c>policies/roles/</c> or <c>policies/guardrails/</c> is invalid.</exception>
    public async Task<DriftReport> RunScheduledAsync(CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await audit.RunAsync(guardrails.IfPresent, requestedBy: null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>
    /// A run <paramref name="actor"/> asked for: audits now and records the run in the audit chain with the report; refused
    /// with <see cref="ProblemCodes.DriftAuditRunning"/> while another run is in progress (its report answers the same question).
    /// </summary>
    /// <exception cref="InvalidDataException">A file in <c>policies/roles/</c> or <c>policies/guardrails/</c> is invalid.</exception>
    public async Task<Outcome<DriftReport>> RunNowAsync(string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (!gate.TryEnter())
        {
            return GovernanceError.Conflict(ProblemCodes.DriftAuditRunning, "a drift audit is running now; its report is listed when it ends");
        }
        try
        {
            return await audit.RunAsync(guardrails.IfPresent, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Exit();
        }
    }
}
