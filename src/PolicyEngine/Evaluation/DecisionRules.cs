using System.Numerics;
using PolicyEngine.Matching;

namespace PolicyEngine.Evaluation;

/// <summary>
/// AWS's policy evaluation logic, applied to a <see cref="Tally"/>: the one place the policy types are combined.
/// </summary>
/// <remarks>
/// Order of the flowchart (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html):
/// explicit Deny anywhere; every SCP level must allow (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html);
/// RCPs only deny, <c>RCPFullAWSAccess</c> allowing at every level (orgs_manage_policies_rcps_evaluation.html); then
/// within one account a resource policy naming the user or session grants alone, while a grant to the role ARN or from
/// identity policies is capped by the boundary (access_policies_boundaries.html) and session policy
/// (access_policies.html#policies_session); a resource policy naming the account only delegates. Across accounts both the
/// caller's side and the resource policy must allow (reference_policies_evaluation-logic-cross-account.html). Trust and
/// KMS key policies must allow in every case (id_roles_terms-and-concepts.html, kms key-policies.html). S3 ACL grants
/// count as resource-policy grants (S3 access-control-auth-workflow-object-operation.html), and S3 Block Public Access's
/// RestrictPublicBuckets sets aside a public bucket policy's grants to callers outside the owner's account
/// (access-control-block-public-access.html).
/// </remarks>
internal static class DecisionRules
{
    public static (Decision Decision, DecisionReason Reason, int? Level) Decide(in Tally tally, CompiledPolicySet set,
        AuthorizationRequest request)
    {
        if (tally.Deny)
        {
            return (Decision.ExplicitDeny, DecisionReason.ExplicitDeny, null);
        }
        if (set.ServiceControlApplies(request) && tally.ServiceControlLevels != set.AllServiceControlLevels)
        {
            var level = BitOperations.TrailingZeroCount(~tally.ServiceControlLevels);
            return (Decision.ImplicitDeny, DecisionReason.ServiceControlPolicyDoesNotAllow, level);
        }
        // The root user has every permission its account can have; only SCPs and explicit denies limit it.
        var identity = tally.Identity || request.Caller.Kind == CallerKind.Root;
        var capped = CapReason(tally, set);
        var policyGrant = tally.Resource;
        var restricted = false;
        if (set.RestrictsPublicPolicy && policyGrant != PrincipalMatch.None && IsOutsideOwnerAccount(request))
        {
            // RestrictPublicBuckets: a public bucket policy grants nothing to callers outside the owner's account.
            (policyGrant, restricted) = (PrincipalMatch.None, true);
        }
        var grant = policyGrant | tally.Acl;
        if (request.IsCrossAccount)
        {
            if (!identity)
            {
                return (Decision.ImplicitDeny, DecisionReason.CrossAccountIdentityDoesNotAllow, null);
            }
            if (capped is { } reason)
            {
                return (Decision.ImplicitDeny, reason, null);
            }
            return grant != PrincipalMatch.None
                ? (Decision.Allow, DecisionReason.AllowedCrossAccount, null)
                : (Decision.ImplicitDeny, restricted ? DecisionReason.RestrictedByBlockPublicAccess : DecisionReason.CrossAccountResourcePolicyDoesNotAllow, null);
        }
        if (request.NeedsResourcePolicyAllow && set.HasResourcePolicy && tally.Resource == PrincipalMatch.None)
        {
            return (Decision.ImplicitDeny, DecisionReason.ResourcePolicyRequired, null);
        }
        if ((policyGrant & PrincipalMatch.Direct) != 0)
        {
            return (Decision.Allow, DecisionReason.AllowedByResourcePolicy, null);
        }
        if ((tally.Acl & PrincipalMatch.Direct) != 0)
        {
            return (Decision.Allow, DecisionReason.AllowedByAccessControlList, null);
        }
        if (!identity && (grant & PrincipalMatch.Role) == 0)
        {
            return (Decision.ImplicitDeny, restricted ? DecisionReason.RestrictedByBlockPublicAccess : DecisionReason.NoAllow, null);
        }
        return capped is { } cap ? (Decision.ImplicitDeny, cap, null) : (Decision.Allow, DecisionReason.AllowedByIdentity, null);
    }

    /// <summary>
    /// An S3 request RestrictPublicBuckets limits: from another account or from no account (anonymous), and not from an
    /// AWS service principal, which "restricts access ... to only AWS service principals and authorized users within the
    /// bucket owner's account" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
    /// </summary>
    private static bool IsOutsideOwnerAccount(AuthorizationRequest request)
        => string.Equals(request.ActionService, "s3", StringComparison.OrdinalIgnoreCase)
           && request.Caller.Kind != CallerKind.Service
           && (request.IsCrossAccount || request.Caller.Account.Length == 0);

    private static DecisionReason? CapReason(in Tally tally, CompiledPolicySet set)
    {
        if (set.HasBoundary && !tally.Boundary)
        {
            return DecisionReason.PermissionsBoundaryDoesNotAllow;
        }
        if (set.HasSessionPolicy && !tally.Session)
        {
            return DecisionReason.SessionPolicyDoesNotAllow;
        }
        return null;
    }
}
