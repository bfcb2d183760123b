using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Infrastructure.Aws.Provisioning;

/// <summary>
/// Provisions grants into IAM: the grant becomes the role's inline policy <c>grant-&lt;id&gt;</c> (PutRolePolicy), whose
/// statements end by themselves at the expiry (<c>DateLessThan aws:CurrentTime</c>); revocation and expiry delete it.
/// </summary>
/// <remarks>
/// Idempotent: PutRolePolicy replaces a policy of the same name, and a policy already gone (NoSuchEntity on delete)
/// counts as revoked. Before writing, the role's inline policies are totalled as IAM counts them, so that a grant that
/// cannot fit under <see cref="InlinePolicySize.RoleQuota"/> is refused with the numbers instead of IAM's LimitExceeded.
/// Every result carries the request id of each AWS call.
/// </remarks>
public sealed class AwsGrantProvisioner(IamClient iam) : IGrantProvisioner
{
    /// <inheritdoc />
    public async Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var ids = new List<string>();
        var role = grant.TargetRoleName;
        var names = await iam.ListRolePoliciesAsync(role, cancellationToken).ConfigureAwait(false);
        ids.AddRange(names.RequestIds);
        if (!names.Success)
        {
            return Failed(names.Error, role, ids);
        }
        var used = 0;
        // The grant's own policy, when a previous run put it there, is replaced by the write and does not count.
        foreach (var name in names.Value.Where(n => !string.Equals(n, grant.PolicyName, StringComparison.Ordinal)))
        {
            var existing = await iam.GetRolePolicyAsync(role, name, cancellationToken).ConfigureAwait(false);
            ids.AddRange(existing.RequestIds);
            if (existing.Success)
            {
                used += InlinePolicySize.Of(existing.Value);
            }
            else if (existing.Error.Kind != IamErrorKind.NoSuchEntity)   // deleted since the listing: it no longer counts
            {
                return Failed(existing.Error, role, ids);
            }
        }
        var needed = InlinePolicySize.Of(grant.PolicyDocument);
        if (used + needed > InlinePolicySize.RoleQuota)
        {
            return new ProvisioningResult(
                $"role `{role}` cannot hold `{grant.PolicyName}`: its inline policies use {used} of IAM's {InlinePolicySize.RoleQuota} "
                + $"non-whitespace characters and the grant needs {needed}; end a grant on the role or request fewer resources")
            { AwsRequestIds = ids };
        }
        var put = await iam.PutRolePolicyAsync(role, grant.PolicyName, grant.PolicyDocument, cancellationToken).ConfigureAwait(false);
        ids.AddRange(put.RequestIds);
        return put.Success ? new ProvisioningResult(null) { AwsRequestIds = ids } : Failed(put.Error, role, ids);
    }

    /// <inheritdoc />
    public async Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var deleted = await iam.DeleteRolePolicyAsync(grant.TargetRoleName, grant.PolicyName, cancellationToken).ConfigureAwait(false);
        var ids = deleted.RequestIds;
        // NoSuchEntity: someone (or an earlier run) already removed it, or the role is gone: either way no access remains.
        return deleted.Success || deleted.Error.Kind == IamErrorKind.NoSuchEntity
            ? new ProvisioningResult(null) { AwsRequestIds = ids }
            : Failed(deleted.Error, grant.TargetRoleName, ids);
    }

    private static ProvisioningResult Failed(IamError error, string role, IReadOnlyList<string> ids)
    {
        var detail = error.Kind switch
        {
            IamErrorKind.NoSuchEntity => $"role `{role}` does not exist in the AWS account ({error.Describe()})",
            IamErrorKind.AccessDenied => $"the service's AWS credentials may not change role `{role}` ({error.Describe()})",
            _ => error.Describe(),
        };
        return new ProvisioningResult(detail) { AwsRequestIds = ids };
    }
}
