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
/// KMS key policies must allow in every case (id_roles_terms-and-concepts.html, kms key-policies.html). Through an S3
/// access point both the access point and the bucket policy must allow (S3 access-points-policies.html).
/// A VPC endpoint policy, when the request goes through an endpoint, must allow too: it "does not override or replace identity-based
/// policies or resource-based policies" (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html),
/// and "all types of policies ... must grant the necessary permissions" (vpc-endpoints-s3.html).
/// S3 ACL grants count as resource-policy grants (S3 access-control-auth-workflow-object-operation.html), and S3 Block
/// Public Access's RestrictPublicBuckets sets aside a public bucket policy's grants to callers outside the owner's account
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
        // The endpoint's policy caps every request through it, same-account or not, root or not; it grants nothing.
        if (set.HasVpcEndpointPolicy && !tally.VpcEndpoint)
        {
            return (Decision.ImplicitDeny, DecisionReason.VpcEndpointPolicyDoesNotAllow, null);
        }
        if (set.AccessPoint is not null && request.AccessPoint is not null)
        {
            return ThroughAccessPoint(tally, set, request);
        }
        return Grant(tally, set, request, tally.Resource);
    }

    /// <summary>
    /// Within the caller's account or across accounts, with <paramref name="resource"/> as the resource-based policy's
    /// match: the bucket, key or trust policy (<paramref name="bucketSide"/>, where S3 ACL grants and Block Public Access
    /// count too), or the access point policy for the access point side of a request.
    /// </summary>
    private static (Decision Decision, DecisionReason Reason, int? Level) Grant(in Tally tally, CompiledPolicySet set,
        AuthorizationRequest request, PrincipalMatch resource, bool bucketSide = true)
    {
        // The root user has every permission its account can have; only SCPs and explicit denies limit it.
        var identity = tally.Identity || request.Caller.Kind == CallerKind.Root;
        var capped = CapReason(tally, set);
        var policyGrant = resource;
        var restricted = false;
        if (bucketSide && set.RestrictsPublicPolicy && policyGrant != PrincipalMatch.None && IsOutsideOwnerAccount(request))
        {
            // RestrictPublicBuckets: a public bucket policy grants nothing to callers outside the owner's account.
            (policyGrant, restricted) = (PrincipalMatch.None, true);
        }
        var acl = bucketSide ? tally.Acl : PrincipalMatch.None;
        var grant = policyGrant | acl;
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
        if (request.NeedsResourcePolicyAllow && set.HasResourcePolicy && resource == PrincipalMatch.None)
        {
            return (Decision.ImplicitDeny, DecisionReason.ResourcePolicyRequired, null);
        }
        if ((policyGrant & PrincipalMatch.Direct) != 0)
        {
            return (Decision.Allow, DecisionReason.AllowedByResourcePolicy, null);
        }
        if ((acl & PrincipalMatch.Direct) != 0)
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
    /// A request through an S3 access point: the access point must allow it, by the same rules as any resource with the
    /// access point policy as its resource policy and the access point's account as its owner, and the bucket policy must
    /// allow it too, by delegating to access points or by granting the same access. Only the bucket policy speaks for the
    /// bucket: identity policies are matched against the access point ARN, and the page names no other way for the bucket
    /// to allow (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html#access-points-policy-examples,
    /// #access-points-delegating-control, #access-points-cross-account).
    /// </summary>
    private static (Decision Decision, DecisionReason Reason, int? Level) ThroughAccessPoint(in Tally tally, CompiledPolicySet set,
        AuthorizationRequest request)
    {
        var (decision, reason, _) = Grant(tally, set, request, tally.AccessPoint, bucketSide: false);
        if (decision != Decision.Allow)
        {
            return (Decision.ImplicitDeny,
                reason is DecisionReason.NoAllow or DecisionReason.CrossAccountResourcePolicyDoesNotAllow ? DecisionReason.AccessPointPolicyDoesNotAllow : reason,
                null);
        }
        // A bucket policy naming only the caller's own account delegates to that account's identity policies, and those
        // are matched against the access point ARN: within the bucket's account such a grant does not count (the
        // conservative reading; the page is silent). Across accounts it is the bucket owner's grant to that account.
        var bucketAccount = set.AccessPoint!.BucketAccount is { Length: > 0 } owner ? owner : request.AccessPoint!.Account;
        var named = string.Equals(request.Caller.Account, bucketAccount, StringComparison.Ordinal)
            ? tally.Resource & (PrincipalMatch.Direct | PrincipalMatch.Role)
            : tally.Resource;
        return named == PrincipalMatch.None
            ? (Decision.ImplicitDeny, DecisionReason.BucketPolicyDoesNotAllowAccessPoint, null)
            : (Decision.Allow, DecisionReason.AllowedThroughAccessPoint, null);
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
