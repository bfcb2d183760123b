namespace Governance.Core.Workflow.Grants;

/// <summary>Applies grants to where access is decided: the embedded account copy now, live AWS later.</summary>
/// <remarks>Both operations are idempotent: provisioning a grant twice, or revoking one that is gone, succeeds.</remarks>
public interface IGrantProvisioner
{
    /// <summary>Attaches the grant's inline policy <see cref="Grant.PolicyName"/> to its target role.</summary>
    Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken);

    /// <summary>Removes the grant's inline policy from its target role.</summary>
    Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken);
}
