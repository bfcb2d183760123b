using Governance.Core.Workflow.Grants;

namespace Governance.Api.Tests.Telemetry;

/// <summary>The service's provisioner, except that a grant whose policy names <see cref="RefusedBucket"/> cannot be applied.</summary>
internal sealed class RefusingProvisioner(IGrantProvisioner inner) : IGrantProvisioner
{
    public const string RefusedBucket = "lake-refused-by-aws";

    public Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken)
        => grant.PolicyDocument.Contains(RefusedBucket, StringComparison.Ordinal)
            ? Task.FromResult(new ProvisioningResult("AccessDenied: refused for the test"))
            : inner.ProvisionAsync(grant, cancellationToken);

    public Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken) => inner.RevokeAsync(grant, cancellationToken);
}
