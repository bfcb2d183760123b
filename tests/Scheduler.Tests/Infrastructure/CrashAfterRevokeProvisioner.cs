using Governance.Core.Workflow.Grants;

namespace Scheduler.Tests.Infrastructure;

/// <summary>Removes the policy, then dies before the caller can record anything, while <see cref="Crash"/> is set.</summary>
internal sealed class CrashAfterRevokeProvisioner(SnapshotGrantProvisioner inner) : IGrantProvisioner
{
    public bool Crash { get; set; }

    public Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken)
        => inner.ProvisionAsync(grant, cancellationToken);

    public async Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken)
    {
        var result = await inner.RevokeAsync(grant, cancellationToken);
        return Crash ? throw new IOException("simulated crash after the policy was removed") : result;
    }
}
