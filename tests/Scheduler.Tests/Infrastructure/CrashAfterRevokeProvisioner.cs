using Governance.Core.Workflow.Grants;

namespace Scheduler.Tests.Infrastructure;

/// <summary>Removes the policy, then dies before the caller can record anything, while the switch is set.</summary>
internal sealed class CrashAfterRevokeProvisioner(SnapshotGrantProvisioner inner, CrashAfterRevoke crash) : IGrantProvisioner
{
    public Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken)
        => inner.ProvisionAsync(grant, cancellationToken);

    public async Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken)
    {
        var result = await inner.RevokeAsync(grant, cancellationToken);
        return crash.Dies() ? throw new IOException("simulated crash after the policy was removed") : result;
    }
}
